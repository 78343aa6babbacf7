// Touch input's browser half (see web/platform/touch_input.cpp), linked with --pre-js.
// Emscripten 3.1.6's GLFW presses the mouse button on a touch without moving the pointer to
// the finger (Browser.calculateMouseEvent reads an SDL-only `event.touch`), so a tap would
// land wherever the last tap was. These listeners are installed on the canvas before GLFW's
// (glfwInit) and keep touches from it; one finger is followed and sent to C++ in CSS pixels.
Module['kinerjaInstallTouch'] = function() {
  var canvas = Module.canvas;
  var finger = null;  // identifier of the finger being followed
  var send = function(type, t) {
    var r = canvas.getBoundingClientRect();
    Module._kinerja_touch(type, t.clientX - r.left, t.clientY - r.top);
  };
  var find = function(list) {
    for (var i = 0; i < list.length; i++) {
      if (list[i].identifier === finger) return list[i];
    }
    return null;
  };
  var opts = { capture: true, passive: false };
  canvas.addEventListener('touchstart', function(e) {
    e.stopImmediatePropagation();
    e.preventDefault();  // no emulated mouse events after the touch
    if (finger === null && e.changedTouches.length > 0) {
      finger = e.changedTouches[0].identifier;
      send(0, e.changedTouches[0]);
    }
  }, opts);
  canvas.addEventListener('touchmove', function(e) {
    e.stopImmediatePropagation();
    e.preventDefault();
    var t = find(e.changedTouches);
    if (t) send(1, t);
  }, opts);
  var end = function(e) {
    e.stopImmediatePropagation();
    e.preventDefault();
    var t = find(e.changedTouches);
    if (t) {
      send(2, t);
      finger = null;
    }
  };
  canvas.addEventListener('touchend', end, opts);
  canvas.addEventListener('touchcancel', end, opts);
  // A real mouse (a tablet with a dock) takes over again from the last touch.
  canvas.addEventListener('mousemove', function() { Module._kinerja_touch(3, 0, 0); }, true);
};
