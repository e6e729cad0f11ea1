import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
/** Fastify (npm start) listens here; the dev server proxies the API and its docs to it. */
const API_ORIGIN = 'http://127.0.0.1:3000';
const proxy = { '/api': API_ORIGIN, '/docs': API_ORIGIN, '/tiles': API_ORIGIN };

export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  // .env (VITE_BASEMAP_URL) lives at the project root, next to the server's settings.
  envDir: projectRoot,
  plugins: [react()],
  // proj4 imports wkt-parser for WKT definitions the browser never uses (see client/src/map/wktParserStub.ts).
  resolve: { alias: { 'wkt-parser': fileURLToPath(new URL('./client/src/map/wktParserStub.ts', import.meta.url)) } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // maplibre-gl alone is about 1 MB minified; splitting it would not make the map appear sooner.
    chunkSizeWarningLimit: 1600,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, proxy },
});
