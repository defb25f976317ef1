/* The page's service worker (src/page/index.tsx registers it): after the first visit it serves the
 * page and its scripts from the cache, so that the page opens and works without network. The build
 * (webpack.config.js, PageServiceWorker) writes it to dist/web/sw.js with FILES, the page's own
 * files, and VERSION, a hash of them: a new build is a new cache, and the old one is removed. Every
 * file is fetched from this host; nothing else is asked for. */
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `tochuc-page-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('tochuc-page-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Cache first: the files are versioned by the build, so a cached one is never stale.
self.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET') return;
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(event.request, { ignoreSearch: true }).then((hit) => hit || fetch(event.request))));
});
