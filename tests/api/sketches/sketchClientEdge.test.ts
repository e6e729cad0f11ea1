import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpApi } from '../../../client/src/api/httpApi';
import { ProblemError } from '../../../client/src/api/ProblemError';
import { sketchExportLinks } from '../../../client/src/features/sketches/sketchExportLinks';
import { sketchProblemOf } from '../../../client/src/features/sketches/SketchProblem';
import { QUIET_FIELD, square, uniqueTitle } from '../sketchFixtures';
import { testApp } from '../testApp';
import { createAccount, login, testClient, type Session } from '../workflowFixtures';

// The sketch panel's HTTP edge (client/src/api/httpApi.ts) against the real server: the client's paths, bodies,
// headers and its reading of problems must match what the routes take and answer (issue #6). The browser's
// same-origin fetch is played by a fetch that prefixes the listening server's origin and sends the session cookie.

let app: FastifyInstance;
let client: pg.Client;
let session: Session;
let origin: string;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  app = await testApp();
  client = await testClient();
  session = await login(app, await createAccount(client, 'planner'), '203.0.113.61');
  origin = await app.listen({ host: '127.0.0.1', port: 0 });
  globalThis.fetch = (input, init = {}) =>
    realFetch(`${origin}${String(input)}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), cookie: session.cookie },
    });
});

afterAll(async () => {
  globalThis.fetch = realFetch;
  await app.close();
  await client.end();
});

const at = (dLon: number, dLat: number) => square(QUIET_FIELD.lon + dLon, QUIET_FIELD.lat + dLat);

describe('the sketch panel’s HTTP edge', () => {
  it('creates, edits, lists, versions, restores, deletes and undeletes a sketch', async () => {
    const title = uniqueTitle('Kant');
    const created = await httpApi.createSketch(
      { geometry: at(0, 0), title, proposed_use: '31', action_number: null, note: 'første' },
      session.csrf,
    );
    expect(created.properties).toMatchObject({ version: 1, title, change: 'created' });
    const edited = await httpApi.updateSketch(
      created.id,
      { geometry: at(0.001, 0), title, proposed_use: '41', action_number: null, note: 'anden', version: 1 },
      session.csrf,
    );
    expect(edited.properties).toMatchObject({ version: 2, proposed_use: '41' });
    expect((await httpApi.getSketches()).features.some((f) => f.id === created.id)).toBe(true);
    const { versions } = await httpApi.getSketchVersions(created.id);
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect((await httpApi.getSketchVersion(created.id, 1)).properties.note).toBe('første');

    const restored = await httpApi.restoreSketch(created.id, { fromVersion: 1, version: 2 }, session.csrf);
    expect(restored.properties).toMatchObject({ version: 3, change: 'restored', restored_from: 1, note: 'første' });

    const deleted = await httpApi.deleteSketch(created.id, 3, session.csrf);
    expect(deleted.properties.deleted_at).not.toBeNull();
    expect((await httpApi.getSketch(created.id)).properties.deleted_at).not.toBeNull();
    const back = await httpApi.undeleteSketch(created.id, session.csrf);
    expect(back.properties.deleted_at).toBeNull();
  });

  it('reads a stale edit as stale, with the current version', async () => {
    const title = uniqueTitle('Stale');
    const created = await httpApi.createSketch(
      { geometry: at(0.004, 0), title, proposed_use: '31', action_number: null, note: '' },
      session.csrf,
    );
    await httpApi.updateSketch(
      created.id,
      { geometry: at(0.004, 0), title, proposed_use: '31', action_number: null, note: 'x', version: 1 },
      session.csrf,
    );
    const error = await httpApi
      .updateSketch(
        created.id,
        { geometry: at(0.004, 0), title, proposed_use: '31', action_number: null, note: 'y', version: 1 },
        session.csrf,
      )
      .catch((e: unknown) => e);
    expect(sketchProblemOf(error)).toEqual({ kind: 'stale', currentVersion: 2 });
  });

  it('reads a self-intersecting polygon as a repairable fault, and saves the repair when asked', async () => {
    const { lon, lat } = { lon: QUIET_FIELD.lon + 0.008, lat: QUIET_FIELD.lat };
    const bowTie = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [lon, lat],
          [lon + 0.002, lat + 0.002],
          [lon + 0.002, lat],
          [lon, lat + 0.002],
          [lon, lat],
        ],
      ],
    };
    const body = {
      geometry: bowTie,
      title: uniqueTitle('Sløjfe'),
      proposed_use: '31' as const,
      action_number: null,
      note: '',
    };
    const error = await httpApi.createSketch(body, session.csrf).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    const problem = sketchProblemOf(error);
    expect(problem.kind).toBe('fault');
    if (problem.kind !== 'fault') return;
    expect(problem.fault.repairable).toBe(true);
    expect(problem.fault.location).toHaveLength(2);
    expect(problem.fault.repaired?.type).toMatch(/Polygon/);
    const repaired = await httpApi.createSketch({ ...body, repair: true }, session.csrf);
    expect(repaired.properties.area_m2).toBeGreaterThan(0);
  });

  it('checks a draft and a saved sketch for constraints and compares two sketches', async () => {
    const a = await httpApi.createSketch(
      { geometry: at(0, 0.004), title: uniqueTitle('A'), proposed_use: '31', action_number: null, note: '' },
      session.csrf,
    );
    const b = await httpApi.createSketch(
      { geometry: at(0.001, 0.004), title: uniqueTitle('B'), proposed_use: '31', action_number: null, note: '' },
      session.csrf,
    );
    const draft = await httpApi.checkConstraints({ geometry: at(0, 0.004), excludeSketch: a.id }, session.csrf);
    expect(draft.items.some((item) => item.kind === 'sketch' && item.ref === b.id)).toBe(true);
    expect(draft.items.some((item) => item.ref === a.id)).toBe(false);
    const saved = await httpApi.getSketchConstraints(a.id);
    expect(saved.items.some((item) => item.ref === b.id)).toBe(true);
    const comparison = await httpApi.compareSketches(a.id, b.id);
    expect(comparison.intersection_area_m2).toBeGreaterThan(0);
    expect(comparison.a.id).toBe(a.id);
  });

  it('previews an import without saving, then saves it all', async () => {
    const title = uniqueTitle('Import');
    const file = new Blob([
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { title }, geometry: at(0.012, 0) }],
      }),
    ]);
    const upload = { data: file, contentType: 'application/geo+json', proposedUse: '51' as const };
    const preview = await httpApi.previewSketchImport(upload, session.csrf);
    expect(preview).toMatchObject({ crs: 'EPSG:4326', feature_count: 1, valid: true });
    expect((await httpApi.getSketches()).features.some((f) => f.properties.title === title)).toBe(false);
    const { created } = await httpApi.importSketches(upload, session.csrf);
    expect(created.map((f) => f.properties)).toMatchObject([{ title, proposed_use: '51', change: 'imported' }]);
  });

  it('serves the export links as attachments under the names the links give', async () => {
    for (const link of sketchExportLinks()) {
      const res = await fetch(link.href);
      expect(res.status, link.href).toBe(200);
      expect(res.headers.get('content-disposition'), link.href).toContain(link.fileName);
      await res.arrayBuffer();
    }
  });
});
