// The soft keyboard bridge's browser half (see web/platform/soft_keyboard.cpp), linked with --pre-js.
// Module.kinerjaInstallIme() creates the hidden input and its listeners; C++ calls
// Module.kinerjaImeUpdate(want, over, mode, x, y) when what ImGui wants changes.
Module['kinerjaInstallIme'] = function() {
  var input = document.createElement('input');
  input.id = 'kinerja-ime';
  input.type = 'text';
  input.setAttribute('autocomplete', 'off');
  input.setAttribute('autocapitalize', 'off');
  input.setAttribute('autocorrect', 'off');
  input.setAttribute('spellcheck', 'false');
  input.setAttribute('aria-hidden', 'true');
  // Invisible but focusable; 16px so that no mobile browser zooms the page on focus.
  input.style.cssText = 'position:fixed;left:0;top:0;width:4px;height:24px;opacity:0;' +
      'border:0;padding:0;margin:0;font-size:16px;background:transparent;color:transparent;' +
      'caret-color:transparent;outline:none;pointer-events:none;';
  document.body.appendChild(input);
  var ime = Module.kinerjaIme = { input: input, want: false, over: false, comp: null };
  var reset = function() {
    input.value = ' ';
    try { input.setSelectionRange(1, 1); } catch (e) {}
  };
  var send = function(t) { if (t) Module.ccall('kinerja_text_input', null, ['string'], [t]); };
  var key = function(k) { Module.ccall('kinerja_text_key', null, ['number'], [k]); };
  // Sends what turns composition `a` into `b`: Backspaces for the changed tail, then the new one.
  var diff = function(a, b) {
    var ca = Array.from(a || ''), cb = Array.from(b || '');
    var i = 0;
    while (i < ca.length && i < cb.length && ca[i] === cb[i]) i++;
    for (var k = i; k < ca.length; k++) key(1);
    send(cb.slice(i).join(''));
  };
  ime.focus = function() {
    if (document.activeElement === input) input.blur();  // re-focus: the keyboard opens again
    reset();
    input.focus({ preventScroll: true });
  };
  var named = { Backspace: 1, Enter: 1, Tab: 1, Escape: 1, Delete: 1, Home: 1, End: 1,
                ArrowLeft: 1, ArrowRight: 1, ArrowUp: 1, ArrowDown: 1, PageUp: 1, PageDown: 1 };
  // On window, in the capture phase, installed before GLFW's own listeners there (glfwInit), so
  // that a key typed into the input can be kept from GLFW (stopImmediatePropagation).
  window.addEventListener('keydown', function(e) {
    if (e.target !== input) return;
    if (e.isComposing || e.keyCode === 229 || e.key === 'Unidentified' || e.key === 'Process') {
      e.stopImmediatePropagation();  // a virtual keyboard or IME: the text comes as input events
      return;
    }
    if (named[e.key] || e.ctrlKey || e.metaKey || e.altKey) {
      e.preventDefault();  // GLFW turns it into an ImGui key; the input stays as it is
      return;
    }
    e.stopImmediatePropagation();  // a letter: it arrives as an input event, not twice via GLFW
  }, true);
  window.addEventListener('keypress', function(e) {
    if (e.target === input) e.stopImmediatePropagation();
  }, true);
  input.addEventListener('beforeinput', function(e) {
    if (e.isComposing || e.inputType === 'insertCompositionText' ||
        e.inputType === 'deleteCompositionText' || e.inputType === 'insertFromComposition') {
      return;  // the composition events carry it
    }
    switch (e.inputType) {
      case 'insertText': case 'insertReplacementText':
        send(e.data || (e.dataTransfer && e.dataTransfer.getData('text/plain')) || ''); break;
      case 'insertFromPaste': case 'insertFromDrop':
        send(e.data || (e.dataTransfer && e.dataTransfer.getData('text/plain')) || ''); break;
      case 'deleteContentBackward': case 'deleteWordBackward': key(1); break;
      case 'insertLineBreak': case 'insertParagraph': key(2); break;
      default: break;
    }
    if (e.cancelable) e.preventDefault();
  });
  input.addEventListener('input', function(e) {
    if (ime.comp === null && input.value !== ' ') reset();  // an edit that could not be cancelled
  });
  input.addEventListener('compositionstart', function() { ime.comp = ''; });
  input.addEventListener('compositionupdate', function(e) {
    diff(ime.comp, e.data);
    ime.comp = e.data || '';
  });
  input.addEventListener('compositionend', function(e) {
    diff(ime.comp, e.data);
    ime.comp = null;
    setTimeout(reset, 0);
  });
  var canvas = Module.canvas;
  // A tap on a text field opens the keyboard within the gesture.
  var tapped = function() { if (ime.over || ime.want) ime.focus(); };
  canvas.addEventListener('touchend', tapped, true);
  canvas.addEventListener('mouseup', tapped, true);
  // While typing, a tap on the canvas must not take the focus from the input (the keyboard
  // would close and reopen); ImGui still gets the event.
  canvas.addEventListener('mousedown', function(e) {
    if (document.activeElement === input) e.preventDefault();
  }, true);
  // Shows or hides the keyboard; called by C++ when what ImGui wants changes.
  Module.kinerjaImeUpdate = function(want, over, mode, x, y) {
    ime.want = !!want;
    ime.over = !!over;
    input.style.left = x + 'px';
    input.style.top = y + 'px';
    var type = (mode === 2 || mode === 3) ? 'password' : 'text';
    if (input.type !== type) input.type = type;
    input.setAttribute('inputmode', (mode === 1 || mode === 3) ? 'decimal' : 'text');
    if (want && document.activeElement !== input) {
      reset();
      input.focus({ preventScroll: true });
    } else if (!want && document.activeElement === input) {
      input.blur();
    }
  };
};
