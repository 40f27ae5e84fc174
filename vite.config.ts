import { resolve } from 'node:path';
import { build, defineConfig, type Plugin, type ResolvedConfig, type UserConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const client = resolve(import.meta.dirname, 'client');

/**
 * Every page talks to the server over a WebSocket only (`transports: ['websocket']`, as the
 * server accepts). engine.io-client still bundled its HTTP long-polling and WebTransport
 * transports, and the polling module creates an XMLHttpRequest when it is evaluated (a probe
 * for binary support): ≈ 14 ms of a slowed tablet's start, for a transport never used. Its table
 * of transports keeps the WebSocket alone, and the modules no longer referenced drop out.
 */
function websocketOnly(): Plugin {
  const engine = /[\\/]engine\.io-client[\\/]build[\\/]esm[\\/]transports[\\/]/;
  return {
    name: 'handzeichen:websocket-only',
    enforce: 'pre',
    transform(code, id) {
      if (!engine.test(id)) return null;
      if (/[\\/]index\.js$/.test(id)) return { code: 'import { WS } from "./websocket.node.js";\nexport const transports = { websocket: WS };\n', map: null };
      // Re-exported by the package's index; without side effects they go unless something uses them.
      if (/[\\/](polling|polling-xhr|polling-fetch|webtransport)\.js$/.test(id)) return { code, map: null, moduleSideEffects: false };
      return null;
    },
  };
}

/**
 * V8's explicit compile hint (Chromium ≥ 136; a plain comment elsewhere) on the member app's start
 * script: its functions are compiled while it streams in, on a background thread, rather than one
 * by one on the main thread as the first render calls them. Nearly all of them run at every start.
 * It must be the file's first line, so it goes in last, after minification and vite's own preamble.
 */
function compileHint(): Plugin {
  const hint = '//# allFunctionsCalledOnLoad\n';
  return {
    name: 'handzeichen:compile-hint',
    enforce: 'post',
    // The file's name says what is in it: with the hint, a new hash (the precache keys files by name).
    augmentChunkHash: (chunk) => (chunk.isEntry ? hint : undefined),
    generateBundle: {
      order: 'post',
      handler(_, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
          chunk.code = hint + chunk.code;
          // One line more at the top: the source map's lines move down by one.
          if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
        }
      },
    },
  };
}

/**
 * The member app's stylesheet goes into its HTML as a `<style>`: one request less on a tablet's
 * start, and the app's script no longer waits for the stylesheet to arrive (traces showed the
 * module evaluated only after the stylesheet's response and parse). In 30 warm starts each,
 * taken in turn, the median start went from 266 to 245 ms. Inlining the script too was slower
 * (278 ms): an inline module gets no code cache, and the parts loaded on demand import from the
 * entry chunk by its URL. The server allows exactly this style by its hash (server/http/inlineStyles.ts).
 */
function inlineStylesheet(): Plugin {
  return {
    name: 'handzeichen:inline-stylesheet',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_, bundle) {
        for (const html of Object.values(bundle)) {
          if (html.type !== 'asset' || !html.fileName.endsWith('.html')) continue;
          html.source = String(html.source).replace(/<link rel="stylesheet"(?: crossorigin)? href="\/([^"]+\.css)">/g, (link, fileName: string) => {
            const css = bundle[fileName];
            if (css?.type !== 'asset') return link;
            const text = String(css.source);
            if (/<\/style/i.test(text)) throw new Error(`${fileName} cannot be inlined: it contains "</style"`);
            // Nothing else loads it: lazy parts list only their own stylesheets.
            delete bundle[fileName];
            return `<style>${text}</style>`;
          });
        }
      },
    },
  };
}

/** What every page's build shares: the source tree, the JSX runtime, the target and module preloading. */
const shared = {
  root: client,
  resolve: {
    // workbox-window's package "module" is an ES5 build with transpile helpers; the ES2017 build
    // it ships beside it is 1 KB smaller gzipped and fits our es2022 target.
    alias: [{ find: /^workbox-window$/, replacement: 'workbox-window/build/workbox-window.prod.mjs' }],
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    target: 'es2022',
    // Every browser that runs es2022 code but Safari < 17 supports <link rel="modulepreload">; there
    // the links are ignored and modules load through their imports. The polyfill sat in a chunk of
    // its own once the tablet's election ballot became a lazy chunk, costing every page 0.2 KB.
    modulePreload: {
      polyfill: false,
      // A part loaded on demand (election ballot, subject line, pairing form) lists only its CSS to
      // load with it: the names of the JS chunks it imports cost the page bytes, and those chunks
      // arrive through the import itself (one round trip more on the LAN, once per tablet).
      resolveDependencies: (_file: string, deps: string[], { hostType }: { hostType: string }) => (hostType === 'html' ? deps : deps.filter((d) => d.endsWith('.css'))),
    },
  },
} satisfies UserConfig;

/**
 * The member's tablet app is built on its own, after the other pages, into the same folder: one
 * script on its start path, its styles in the page (socket.io's chunk follows after the first
 * frame). Built with the other pages, its modules were spread over seven chunks by what each
 * page shares with the chair's, the display's and the admin's (every one a request through the
 * service worker at each start). Everything the entry imports statically is its one chunk; the
 * parts loaded on demand stay chunks of their own. Nothing is shared with the other pages' chunks: no other page runs on a member's tablet.
 */
function memberApp(files: Set<string>): Plugin {
  // As the outer build was asked for (`--outDir`, `--minify false` for a readable profile, `--sourcemap`).
  let outer: Pick<ResolvedConfig['build'], 'outDir' | 'minify' | 'sourcemap'>;
  return {
    name: 'handzeichen:member-app',
    apply: 'build',
    configResolved({ build: { outDir, minify, sourcemap } }) {
      outer = { outDir, minify, sourcemap };
    },
    // Before the service worker is generated (VitePWA's closeBundle runs last), which precaches it.
    closeBundle: {
      sequential: true,
      order: 'pre',
      async handler() {
        await build({
          ...shared,
          configFile: false,
          publicDir: false,
          logLevel: 'warn',
          plugins: [
            websocketOnly(),
            { name: 'handzeichen:member-files', writeBundle: (_, bundle) => Object.keys(bundle).forEach((f) => files.add(f)) },
            // No frame before the app's: without it Chromium styles, lays out and paints the empty
            // page while the script is on its way, one frame of a slowed tablet's start spent on nothing.
            compileHint(),
            inlineStylesheet(),
            { name: 'handzeichen:render-blocking-app', transformIndexHtml: { order: 'post', handler: (html) => html.replace('<script type="module" ', '<script type="module" blocking="render" ') } },
          ],
          build: {
            ...shared.build,
            ...outer,
            emptyOutDir: false,
            rollupOptions: {
              input: { member: resolve(client, 'member/index.html') },
              // socket.io's client, loaded on demand (connection.ts), as a chunk of its own with a name that says so.
              output: {
                codeSplitting: { groups: [{ name: 'member', tags: ['$initial'] }, { name: 'socket', test: /[\\/]node_modules[\\/](socket\.io-client|socket\.io-parser|engine\.io-client|engine\.io-parser|@socket\.io[\\/]component-emitter)[\\/]/ }] },
              },
            },
          },
        });
      },
    },
  };
}

/** The member app's files (filled by its build): the service worker precaches these, not the other pages'. */
const memberFiles = new Set<string>();

export default defineConfig(({ command }) => ({
  ...shared,
  publicDir: resolve(import.meta.dirname, 'public'),
  plugins: [
    websocketOnly(),
    memberApp(memberFiles),
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
        // Static routes: the hashed files come from the precache without the worker's fetch handler.
        importScripts: ['/sw-routes.js'],
        navigateFallback: '/member/index.html',
        navigateFallbackAllowlist: [/^\/member\//],
        cleanupOutdatedCaches: true,
        clientsClaim: false,
        skipWaiting: false,
        // The tablet needs its own app only (its parts loaded on demand included), not the chair's or the display's.
        manifestTransforms: [(entries) => ({ manifest: entries.filter((e) => !e.url.startsWith('assets/') || memberFiles.has(e.url)), warnings: [] })],
      },
      // After the member app's own build (memberApp), so the worker precaches its files.
      integration: { closeBundleOrder: 'post' },
    }),
  ],
  build: {
    ...shared.build,
    outDir: resolve(import.meta.dirname, 'dist/client'),
    emptyOutDir: true,
    // One entry per role, so a tablet downloads only the member app. The member app has a build
    // of its own (memberApp above); the dev server serves it with the others.
    rollupOptions: {
      input: {
        index: resolve(client, 'index.html'),
        ...(command === 'serve' ? { member: resolve(client, 'member/index.html') } : {}),
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
}));
