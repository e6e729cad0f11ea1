import { existsSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { HttpProblem } from './errors';

export const CLIENT_DIST = fileURLToPath(new URL('../../../client/dist/', import.meta.url));

/** Vite names the files under assets/ after their content: a changed file is a new URL, so they never go stale. */
const ASSETS_CACHE = 'public, max-age=31536000, immutable';
/** The page itself (index.html) names the current assets: a browser asks again each time (ETag makes that cheap). */
const PAGE_CACHE = 'no-cache';

/**
 * Serves the built client (vite build → client/dist). Without a build, `/` says how to make one. Source maps
 * (`*.map`) are not served unless `sourceMaps` is true (config SERVE_SOURCE_MAPS, issue #19): a build made with
 * VITE_SOURCEMAP=true, or an old one, may hold them, and they hand out the whole source.
 */
export const clientPlugin = fp<{ root?: string; sourceMaps?: boolean }>(
  async (app, opts) => {
    const root = opts.root ?? CLIENT_DIST;
    if (existsSync(`${root}/index.html`)) {
      await app.register(fastifyStatic, {
        root,
        prefix: '/',
        // One route per file found at start; files left out here have no route and answer 404.
        wildcard: false,
        ...(opts.sourceMaps === true ? {} : { globIgnore: ['**/*.map'] }),
        index: 'index.html',
        // Ours, below (send's own would overwrite what setHeaders sets).
        cacheControl: false,
        setHeaders: (res, path) => {
          const inAssets = relative(root, path).split(sep)[0] === 'assets';
          res.setHeader('cache-control', inAssets ? ASSETS_CACHE : PAGE_CACHE);
        },
      });
      return;
    }
    app.get('/', { schema: { hide: true } }, async () => {
      throw new HttpProblem(503, 'Client not built', 'Run `npm run build` (npm start does it for you).');
    });
  },
  { name: 'client', dependencies: ['errors'] },
);
