// Orrery's service worker: the site opens offline after one visit.
//
// `cargo xtask shards` (Trunk's post_build hook) writes this file into the
// build with BUILD, a hash of the build's files, and SHELL, the files that
// make the app. Each build has its own cache, so a page and its shards always
// come from one build:
// - the page and the app's files come from this build's cache, stored when
//   the worker installs;
// - shards (content-addressed `data-…/` files) are cached as they are first
//   fetched, so every article read once opens again offline;
// - a new deployment changes this file, so the browser installs its worker
//   beside this one; the page offers to reload into it (index.html), and
//   only then does it take over and delete the old build's cache.
// A debug build (BUILD null) caches nothing and removes any earlier worker.

const BUILD = "__ORRERY_BUILD__";
const SHELL = "__ORRERY_SHELL__";

// Caches are shared by every site on an origin: name them by scope.
const PREFIX = `orrery ${self.registration.scope} `;
const CACHE = PREFIX + BUILD;

self.addEventListener('install', (event) => {
  if (BUILD === null) {
    self.skipWaiting();
    return;
  }
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL.map((path) => new URL(path, self.registration.scope)))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    if (BUILD === null) {
      await self.registration.unregister();
      return;
    }
    // The first visit's page is controlled at once, so the shards it reads
    // are cached too.
    await self.clients.claim();
  })());
});

// The page asks the waiting worker to take over when the reader accepts the
// new version.
self.addEventListener('message', (event) => {
  if (event.data === 'orrery:activate') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  if (BUILD === null) return;
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const path = url.pathname.slice(scope.pathname.length);
  if (request.mode === 'navigate') {
    // Every state of the app is the one page with a query string.
    if (path === '' || path === 'index.html') event.respondWith(fromCache(new URL('./', scope), request));
    return;
  }
  if (SHELL.includes(path) || path.startsWith('data-')) event.respondWith(fromCache(url, request));
});

/** This build's copy, or the network's, kept for next time if it is a shard. */
async function fromCache(key, request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && new URL(key).pathname.includes('/data-')) await cache.put(key, response.clone());
  return response;
}
