/*
 * Imported by the generated service worker (vite.config.ts, `workbox.importScripts`).
 * The app's files under /assets/ carry their content hash in the name and are precached under
 * that URL: the browser serves them straight from the cache (the Static Routing API), without
 * running the worker's fetch handler for each. A tablet's start waited for that round trip
 * twice (script and stylesheet). A browser without the API runs the fetch handler, as before;
 * a file not in the cache comes from the network.
 */
self.addEventListener('install', (event) => {
  if (typeof event.addRoutes !== 'function') return;
  event.waitUntil(event.addRoutes({ condition: { urlPattern: '/assets/*' }, source: 'cache' }).catch(() => undefined));
});
