// The offline cache (gyms have poor signal): on install, every file of the
// build is cached; after that, pages and their files come from the cache
// first and from the network only for what it lacks. `PRECACHE` and
// `VERSION` are written above this text by src/offline/integration.mjs at
// build time; a new build has a new version, so its worker replaces this one
// and drops the old cache.
/* global PRECACHE, VERSION */

const CACHE = `cec-toolkit-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // `reload`: the files of this build, not what the browser's HTTP cache kept.
      await cache.addAll(PRECACHE.map((path) => new Request(path, { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // A page is the same whatever its ?plan=: the page's script reads the plan from the address.
      const page = request.mode === 'navigate';
      const cached = await cache.match(request, { ignoreSearch: page });
      if (cached) return cached;
      try {
        return await fetch(request);
      } catch (error) {
        const notFound = page ? await cache.match('/404.html') : undefined;
        if (notFound) return notFound;
        throw error;
      }
    })(),
  );
});
