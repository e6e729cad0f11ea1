import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.mjs': 'text/javascript',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.mvt': 'application/vnd.mapbox-vector-tile',
  '.map': 'application/json',
  '.pbf': 'application/x-protobuf',
};

export interface StaticServer {
  origin: string;
  /** Paths asked for that were not there (404), e.g. a tile the app never loaded. */
  missing: string[];
  close(): Promise<void>;
}

/**
 * A tiny static file server for the bare MapLibre page: each URL prefix maps to a folder; files are read
 * from disk per request; `empty` paths (tiles the app got as 204) answer 204.
 */
export async function startStaticServer({
  roots,
  empty,
}: {
  roots: Record<string, string>;
  empty: ReadonlySet<string>;
}): Promise<StaticServer> {
  const missing: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent((request.url ?? '/').split('?')[0]!);
    if (empty.has(path)) {
      response.writeHead(204, { 'access-control-allow-origin': '*' }).end();
      return;
    }
    const prefix = Object.keys(roots)
      .sort((a, b) => b.length - a.length)
      .find((p) => path.startsWith(p));
    const root = prefix === undefined ? undefined : roots[prefix];
    const file = root === undefined ? undefined : normalize(join(root, path.slice(prefix!.length)));
    if (!file || !(file === root || file.startsWith(root! + sep))) {
      missing.push(path);
      response.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'content-length': body.length,
          'access-control-allow-origin': '*',
        });
        response.end(body);
      },
      () => {
        missing.push(path);
        response.writeHead(404).end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    missing,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
