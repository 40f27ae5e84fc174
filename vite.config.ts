import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const client = resolve(import.meta.dirname, 'client');

export default defineConfig({
  root: client,
  publicDir: resolve(import.meta.dirname, 'public'),
  plugins: [
    // generateSW: the worker only precaches the member app shell; all live data goes over the
    // socket and the IndexedDB outbox, so there is no custom fetch logic worth hand-writing.
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false,
      manifest: false, // public/member/manifest.webmanifest, linked from member/index.html only
      filename: 'sw.js',
      scope: '/member/',
      workbox: {
        globPatterns: ['member/index.html', 'member/manifest.webmanifest', 'assets/**/*.{js,css}', 'icons/*.png', 'favicon.svg'],
        navigateFallback: '/member/index.html',
        navigateFallbackAllowlist: [/^\/member\//],
        cleanupOutdatedCaches: true,
        clientsClaim: false,
        skipWaiting: false,
      },
    }),
  ],
  resolve: {
    // workbox-window's package "module" is an ES5 build with transpile helpers; the ES2017 build
    // it ships beside it is 1 KB smaller gzipped and fits our es2022 target.
    alias: [{ find: /^workbox-window$/, replacement: 'workbox-window/build/workbox-window.prod.mjs' }],
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: resolve(import.meta.dirname, 'dist/client'),
    emptyOutDir: true,
    target: 'es2022',
    // Every browser that runs es2022 code but Safari < 17 supports <link rel="modulepreload">; there
    // the links are ignored and modules load through their imports. The polyfill sat in a chunk of
    // its own once the tablet's election ballot became a lazy chunk, costing every page 0.2 KB.
    modulePreload: {
      polyfill: false,
      // A part loaded on demand (election ballot, subject line, pairing form) lists only its CSS to
      // load with it: the names of the JS chunks it imports cost the page bytes, and those chunks
      // arrive through the import itself (one round trip more on the LAN, once per tablet).
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : deps.filter((d) => d.endsWith('.css'))),
    },
    // One entry per role, so a tablet downloads only the member app.
    rollupOptions: {
      input: {
        index: resolve(client, 'index.html'),
        member: resolve(client, 'member/index.html'),
        chair: resolve(client, 'chair/index.html'),
        display: resolve(client, 'display/index.html'),
        admin: resolve(client, 'admin/index.html'),
        results: resolve(client, 'results/index.html'),
      },
    },
  },
  server: {
    proxy: { '/socket.io': { target: 'http://localhost:3000', ws: true }, '/api': 'http://localhost:3000' },
  },
});
