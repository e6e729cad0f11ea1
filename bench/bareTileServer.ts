/**
 * The baseline of the cached-tile benchmark: bare `node:http` answering tile paths with bytes held in
 * memory, nothing else (no routing library, no validation, no cache headers). Started by bench/tiles.ts:
 *   node --import tsx bench/bareTileServer.ts <dir with index.json + tiles.bin> <port>
 * Prints "ready" once listening.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

export interface BareTileIndexEntry {
  path: string;
  status: 200 | 204;
  offset: number;
  length: number;
}

const [dir, portText] = process.argv.slice(2);
if (!dir || !portText) {
  console.error('usage: bareTileServer.ts <dir> <port>');
  process.exit(2);
}
const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as BareTileIndexEntry[];
const blob = readFileSync(join(dir, 'tiles.bin'));
const tiles = new Map(
  index.map((e) => [e.path, { status: e.status, body: blob.subarray(e.offset, e.offset + e.length) }]),
);

const server = createServer((request, response) => {
  const tile = tiles.get(request.url ?? '');
  if (!tile) {
    response.writeHead(404).end();
  } else if (tile.status === 204) {
    response.writeHead(204).end();
  } else {
    response.writeHead(200, {
      'content-type': 'application/vnd.mapbox-vector-tile',
      'content-length': tile.body.length,
    });
    response.end(tile.body);
  }
});
server.keepAliveTimeout = 72_000; // as Fastify's default, so neither side reconnects during a run
server.listen(Number(portText), '127.0.0.1', () => console.log('ready'));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
