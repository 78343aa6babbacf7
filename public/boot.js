// The page's start-up, as a file of its own so the Content-Security-Policy needs no inline
// script (server/http/security_headers.h): Emscripten's Module settings, the canvas without
// a context menu, and the service worker that keeps the app starting offline.
var Module = {
  canvas: document.getElementById('canvas'),
  print: function (t) { console.log(t); },
  printErr: function (t) { console.warn(t); },
  onRuntimeInitialized: function () { document.getElementById('boot').remove(); }
};
Module.canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('sw.js').catch(function (e) {
    console.warn('kinerja: service worker not registered', e);
  });
}
