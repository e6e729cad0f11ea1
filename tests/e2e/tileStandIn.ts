import { createServer, type Server } from 'node:http';
import { crc32, deflateSync } from 'node:zlib';

/** The stand-in's colour: a magenta that nothing on the offline map has, so a screenshot shows where tiles are. */
export const TILE_RGB = [214, 30, 190] as const;

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG of one colour, `size` pixels square (8-bit RGB, no filter), made here so that no file is needed. */
export function solidPng(size: number, [r, g, b]: readonly [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.alloc(1 + size * 3);
  for (let x = 0; x < size; x++) row.set([r, g, b], 1 + x * 3);
  const pixels = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface TileStandIn {
  /** The /{z}/{x}/{y}.png requests it answered. */
  readonly requests: string[];
  /** Every other request: /style.json, and anything a style's labels would ask for (glyphs), which it answers 404. */
  readonly otherRequests: string[];
  close(): Promise<void>;
}

/**
 * A MapLibre style of the stand-in's tiles, as a basemap service publishes one: a relative tile URL, a background,
 * and labels whose glyphs the stand-in does not have (the app leaves labels out, so they are never asked for).
 */
export const STAND_IN_STYLE = {
  version: 8,
  glyphs: '/fonts/{fontstack}/{range}.pbf',
  sources: {
    standin: {
      type: 'raster',
      tiles: ['/{z}/{x}/{y}.png'],
      tileSize: 256,
      attribution: '<a href="/x">© Stand-in style</a>',
    },
  },
  layers: [
    { id: 'paper', type: 'background', paint: { 'background-color': '#ffffff' } },
    { id: 'tiles', type: 'raster', source: 'standin' },
    { id: 'labels', type: 'symbol', source: 'standin', layout: { 'text-field': 'x', 'text-font': ['Sans'] } },
  ],
};

/**
 * A raster tile server on loopback (issue #16): every /{z}/{x}/{y}.png is the same PNG, and /style.json is
 * STAND_IN_STYLE, with the CORS header that public tile servers send (MapLibre fetches tiles). `hang` accepts each
 * request and never answers, as a server that has stopped working does.
 */
export async function startTileStandIn({ port, hang = false }: { port: number; hang?: boolean }): Promise<TileStandIn> {
  const png = solidPng(256, TILE_RGB);
  const requests: string[] = [];
  const otherRequests: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '';
    const isTile = /^\/\d+\/\d+\/\d+\.png$/.test(url);
    (isTile ? requests : otherRequests).push(url);
    if (hang) return;
    if (url === '/style.json') {
      response.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      response.end(JSON.stringify(STAND_IN_STYLE));
      return;
    }
    if (!isTile) {
      response.writeHead(404, { 'access-control-allow-origin': '*' }).end();
      return;
    }
    response.writeHead(200, {
      'content-type': 'image/png',
      'content-length': png.length,
      'access-control-allow-origin': '*',
    });
    response.end(png);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    requests,
    otherRequests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
