// Kinerja service worker: keeps the app shell (page, JS, wasm) so the app starts with no
// network. Network first for the shell (a new build reaches the tablet as soon as it is
// online), the cache when the network fails. /api/ is never touched here: those requests go
// straight to the network so the app sees real offline errors.
const CACHE = 'kinerja-shell-v2';
const SHELL = ['./', 'index.html', 'boot.js', 'app.css', 'kinerja_web.js', 'kinerja_web.wasm',
               'manifest.webmanifest', 'icon.svg'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin ||
      url.pathname.startsWith('/api/')) {
    return;
  }
  event.respondWith(
    fetch(event.request)
      .then((res) => {
        if (res.ok) {
          const copy = res.clone();
          caches.open(CACHE).then((c) => c.put(event.request, copy));
        }
        return res;
      })
      .catch(() => caches.match(event.request, {ignoreSearch: true})
        .then((hit) => hit || caches.match('index.html'))));
});
