import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { HttpProblem } from './errors';

export const CLIENT_DIST = fileURLToPath(new URL('../../../client/dist/', import.meta.url));

/** Serves the built client (vite build → client/dist). Without a build, `/` says how to make one. */
export const clientPlugin = fp<{ root?: string }>(
  async (app, opts) => {
    const root = opts.root ?? CLIENT_DIST;
    if (existsSync(`${root}/index.html`)) {
      await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: 'index.html' });
      return;
    }
    app.get('/', { schema: { hide: true } }, async () => {
      throw new HttpProblem(503, 'Client not built', 'Run `npm run build` (npm start does it for you).');
    });
  },
  { name: 'client', dependencies: ['errors'] },
);
