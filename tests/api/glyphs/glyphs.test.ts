import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../testApp';
import { expectProblem } from '../expectProblem';

// Issue #16: the app serves the label fonts itself (data/glyphs), so the map's labels need no other server.
let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const glyphs = (fontstack: string, range: string) =>
  app.inject(`/glyphs/${encodeURIComponent(fontstack)}/${encodeURIComponent(range)}`);

describe('GET /glyphs/:fontstack/:range', () => {
  it.each([['Noto Sans Regular'], ['Noto Sans Medium'], ['Noto Sans Italic']])(
    'serves %s’s Latin-1 glyphs (æ, ø, å) as the file in data/glyphs, cacheable',
    async (font) => {
      const res = await glyphs(font, '0-255.pbf');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/x-protobuf');
      expect(res.headers['cache-control']).toMatch(/max-age=\d+/);
      const file = readFileSync(new URL(`../../../data/glyphs/${font}/0-255.pbf`, import.meta.url));
      expect(file.length).toBeGreaterThan(1000);
      expect(Buffer.compare(res.rawPayload, file)).toBe(0);
    },
  );

  it('answers a stack with the first font it has', async () => {
    const res = await glyphs('Open Sans Bold,Noto Sans Medium', '8192-8447.pbf');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.length).toBeGreaterThan(1000);
  });

  it('answers an empty PBF for a range it does not ship, so MapLibre leaves those characters out', async () => {
    const res = await glyphs('Noto Sans Regular', '19968-20223.pbf');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.length).toBe(0);
  });

  it('refuses a malformed range with 400 naming it', async () => {
    for (const range of ['0-256.pbf', '1-256.pbf', 'x.pbf', '65536-65791.pbf']) {
      expectProblem(await glyphs('Noto Sans Regular', range), 400, 'range');
    }
  });

  it('answers 404 for a font it does not have, and never reads outside data/glyphs', async () => {
    expectProblem(await glyphs('Arial Unicode MS Regular', '0-255.pbf'), 404);
    expectProblem(await app.inject('/glyphs/..%2F..%2Fpackage.json/0-255.pbf'), 404);
    const res = await app.inject('/glyphs/Noto%20Sans%20Regular/..%2F..%2F..%2Fpackage.json');
    expectProblem(res, 400, 'range');
  });
});
