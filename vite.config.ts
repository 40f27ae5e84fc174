import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const client = resolve(import.meta.dirname, 'client');

export default defineConfig({
  root: client,
  publicDir: resolve(import.meta.dirname, 'public'),
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: resolve(import.meta.dirname, 'dist/client'),
    emptyOutDir: true,
    target: 'es2022',
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
