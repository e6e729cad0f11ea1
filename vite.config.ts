import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
/** Fastify (npm start) listens here; the dev server proxies the API and its docs to it. */
const API_ORIGIN = 'http://127.0.0.1:3000';
const proxy = { '/api': API_ORIGIN, '/docs': API_ORIGIN, '/tiles': API_ORIGIN, '/glyphs': API_ORIGIN };

/**
 * Files copied as they are (maplibre-gl's worker, imported with `?url`) keep their own sourceMappingURL comment,
 * naming a map the build does not hold: dropped when the build makes no maps (issue #19).
 */
const dropSourceMapComments = (): Plugin => ({
  name: 'koege-drop-source-map-comments',
  apply: 'build',
  generateBundle(_options, bundle) {
    for (const file of Object.values(bundle)) {
      if (file.type !== 'asset' || !/\.m?js$/.test(file.fileName)) continue;
      const text = typeof file.source === 'string' ? file.source : Buffer.from(file.source).toString('utf8');
      file.source = text.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n');
    }
  },
});

export default defineConfig(({ mode }) => {
  // No .map files and no sourceMappingURL comments unless asked for (issue #19): a production build should not
  // hand out its sources. VITE_SOURCEMAP=true (environment or .env) builds them, as bench:map needs.
  const sourcemap = loadEnv(mode, projectRoot, 'VITE_').VITE_SOURCEMAP === 'true';
  return {
    root: fileURLToPath(new URL('./client', import.meta.url)),
    // .env (VITE_SOURCEMAP) lives at the project root, next to the server’s settings.
    envDir: projectRoot,
    plugins: [react(), ...(sourcemap ? [] : [dropSourceMapComments()])],
    // proj4 imports wkt-parser for WKT definitions the browser never uses (see client/src/map/wktParserStub.ts).
    resolve: {
      alias: {
        // `@shared/…` is the wire contract (tsconfig.json's paths; shared/ imports neither side).
        '@shared': fileURLToPath(new URL('./shared', import.meta.url)),
        'wkt-parser': fileURLToPath(new URL('./client/src/map/wktParserStub.ts', import.meta.url)),
      },
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap,
      // maplibre-gl alone is about 1 MB minified; splitting it would not make the map appear sooner.
      chunkSizeWarningLimit: 1600,
    },
    server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy },
    preview: { host: '127.0.0.1', port: 4173, strictPort: true, proxy },
  };
});
