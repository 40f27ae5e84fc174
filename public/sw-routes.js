/*
 * Imported by the generated service worker (vite.config.ts, `workbox.importScripts`).
 * The tablet's scripts and stylesheets carry their content hash in the name and are precached
 * under that URL: the browser serves them straight from the cache (the Static Routing API),
 * without running the worker's fetch handler for each — a tablet's start waited for that round
 * trip for its script (its styles are in the page now; the parts loaded on demand have
 * stylesheets). By request destination, not by URL pattern: matching a pattern cost the page's
 * main thread more (≈ 30 ms at 4× throttling) than the route saved.
 * A file not in the cache comes from the network; a browser without the API runs the fetch
 * handler, as before.
 */
self.addEventListener('install', (event) => {
  if (typeof event.addRoutes !== 'function') return;
  const fromCache = (requestDestination) => ({ condition: { requestDestination }, source: 'cache' });
  event.waitUntil(event.addRoutes([fromCache('script'), fromCache('style')]).catch(() => undefined));
});
