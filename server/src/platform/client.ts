import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import type { FastifyRequest } from 'fastify';
import { HttpProblem } from './errors';

export const CLIENT_DIST = fileURLToPath(new URL('../../../client/dist/', import.meta.url));

/** Vite names the files under assets/ after their content: a changed file is a new URL, so they never go stale. */
const ASSETS_CACHE = 'public, max-age=31536000, immutable';
/** The page itself (index.html) names the current assets: a browser asks again each time (ETag makes that cheap). */
const PAGE_CACHE = 'no-cache';

/** How long the page waits for its preloads: a slow or absent database must not hold up the page. */
const PRELOADS_DEADLINE_MS = 300;

/** `work`'s answer, or `fallback` when it fails or takes longer than `ms`. */
async function withinDeadline<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  try {
    return await Promise.race([work.catch(() => fallback), late]);
  } finally {
    clearTimeout(timer);
  }
}

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The page with a `fetch` preload for each path before `</head>` (a page without one is left as it is). */
export function withPreloads(page: string, paths: readonly string[]): string {
  const at = page.indexOf('</head>');
  if (at < 0 || paths.length === 0) return page;
  const links = paths.map((path) => `<link rel="preload" href="${escapeAttribute(path)}" as="fetch" crossorigin />`);
  return `${page.slice(0, at)}${links.join('')}${page.slice(at)}`;
}

export interface ClientPluginOptions {
  root?: string;
  sourceMaps?: boolean;
  /**
   * API paths the page will fetch first and that depend on the data (the point layers' features, issue #16): the
   * page names them as preloads, so that they load beside the script instead of after it has run. A failure, or no
   * answer within 300 ms, leaves them out; the page is served either way.
   */
  preloads?: (request: FastifyRequest) => Promise<string[]>;
}

/**
 * Serves the built client (vite build → client/dist). Without a build, `/` says how to make one. Source maps
 * (`*.map`) are not served unless `sourceMaps` is true (config SERVE_SOURCE_MAPS, issue #19): a build made with
 * VITE_SOURCEMAP=true, or an old one, may hold them, and they hand out the whole source.
 */
export const clientPlugin = fp<ClientPluginOptions>(
  async (app, opts) => {
    const root = opts.root ?? CLIENT_DIST;
    if (existsSync(`${root}/index.html`)) {
      const preloads = opts.preloads;
      // The page at `/`, with its preloads; /index.html stays the file as built.
      app.get('/', { schema: { hide: true } }, async (request, reply) => {
        const paths = preloads ? await withinDeadline(preloads(request), PRELOADS_DEADLINE_MS, []) : [];
        const page = withPreloads(await readFile(`${root}/index.html`, 'utf8'), paths);
        const etag = `"${createHash('sha1').update(page).digest('base64url')}"`;
        reply.header('cache-control', PAGE_CACHE).header('etag', etag);
        if (request.headers['if-none-match'] === etag) return reply.code(304).send();
        return reply.type('text/html; charset=utf-8').send(page);
      });
      await app.register(fastifyStatic, {
        root,
        prefix: '/',
        // One route per file found at start; files left out here have no route and answer 404.
        wildcard: false,
        ...(opts.sourceMaps === true ? {} : { globIgnore: ['**/*.map'] }),
        index: false,
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
