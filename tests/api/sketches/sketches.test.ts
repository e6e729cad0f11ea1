import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import type { SketchCollection, SketchFeature, SketchVersions } from '@shared/schemas/sketch';
import { expectProblem } from '../expectProblem';
import { authHeaders, type Session, type TestAccount, closePlannerFile, openPlannerFile } from '../workflowFixtures';
import { createSketch, QUIET_FIELD, square, uniqueTitle } from '../sketchFixtures';

const IP = '10.7.6.1';
let app: FastifyInstance;
let client: pg.Client;
let planner: TestAccount;
let session: Session;

beforeAll(async () => {
  ({ app, client, planner, session } = await openPlannerFile('Planner Sketches', IP));
});
afterAll(() => closePlannerFile({ app, client }));

const first = square(QUIET_FIELD.lon, QUIET_FIELD.lat);
const second = square(QUIET_FIELD.lon + 0.002, QUIET_FIELD.lat, 0.0015);

const put = (id: string, payload: object, headers: Record<string, string> = {}) =>
  app.inject({ method: 'PUT', url: `/api/sketches/${id}`, headers: authHeaders(session, headers), payload });
const get = (url: string) => app.inject({ method: 'GET', url });

describe('saving sketches', () => {
  it('a line comes back in the order it was drawn (PostGIS 3.3 reversed lines when orienting polygons)', async () => {
    const line = {
      type: 'LineString',
      coordinates: [
        [QUIET_FIELD.lon, QUIET_FIELD.lat],
        [QUIET_FIELD.lon + 0.003, QUIET_FIELD.lat + 0.001],
        [QUIET_FIELD.lon + 0.004, QUIET_FIELD.lat + 0.003],
      ],
    };
    const res = await app.inject({
      method: 'POST',
      url: '/api/sketches',
      headers: authHeaders(session),
      payload: { geometry: line, title: uniqueTitle('Vej'), proposed_use: '81' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const saved = res.json<SketchFeature>().geometry as { coordinates: number[][] };
    expect(saved.coordinates.map(([x, y]) => [x!.toFixed(5), y!.toFixed(5)])).toEqual(
      line.coordinates.map(([x, y]) => [x!.toFixed(5), y!.toFixed(5)]),
    );
  });

  it('creates version 1 with measures in EPSG:25832, the planner’s name and role, and no e-mail', async () => {
    const title = uniqueTitle('Ny erhvervszone');
    const res = await app.inject({
      method: 'POST',
      url: '/api/sketches',
      headers: authHeaders(session),
      payload: { geometry: first, title, proposed_use: '31', action_number: '1.2', note: 'Forslag A' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    const feature = res.json<SketchFeature>();
    expect(res.headers.location).toBe(`/api/sketches/${feature.id}`);
    expect(feature.properties).toMatchObject({
      id: feature.id,
      version: 1,
      title,
      proposed_use: '31',
      action_number: '1.2',
      note: 'Forslag A',
      change: 'created',
      restored_from: null,
      deleted_at: null,
      length_m: null,
      status: 'draft',
      accuracy: 'illustrative',
      updated_by: { name: planner.displayName, role: 'planner' },
      source: `Skitse i Køge Erhvervskort (${planner.displayName})`,
    });
    // 0.002° × 0.002° at 55.5° N: about 222 m × 126 m.
    expect(feature.properties.area_m2).toBeGreaterThan(26_000);
    expect(feature.properties.area_m2).toBeLessThan(30_000);
    expect(feature.properties.perimeter_m).toBeGreaterThan(600);
    expect(feature.geometry.type).toBe('Polygon');
    expect(res.body).not.toContain(planner.email);
  });

  it('reads a sketch back with its version as ETag, and lists it', async () => {
    const created = await createSketch(app, session, { geometry: first });
    const res = await get(`/api/sketches/${created.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toEqual(created);
    const list = (await get('/api/sketches')).json<SketchCollection>();
    expect(list.type).toBe('FeatureCollection');
    expect(list.features.find((f) => f.id === created.id)).toEqual(created);
  });

  it('saves every edit as a new version and lists the versions newest first with who saved them', async () => {
    const created = await createSketch(app, session, { geometry: first, title: uniqueTitle('Version 1') });
    const title2 = uniqueTitle('Version 2');
    const res = await put(created.id, { geometry: second, title: title2, proposed_use: '81', version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    const edited = res.json<SketchFeature>();
    expect(edited.properties).toMatchObject({ version: 2, title: title2, proposed_use: '81', change: 'edited' });
    expect(edited.properties.area_m2).toBeGreaterThan(created.properties.area_m2! * 2);
    expect(edited.properties.created_at).toBe(created.properties.created_at);

    const versions = (await get(`/api/sketches/${created.id}/versions`)).json<SketchVersions>().versions;
    expect(versions.map((v) => [v.version, v.title, v.change])).toEqual([
      [2, title2, 'edited'],
      [1, created.properties.title, 'created'],
    ]);
    expect(versions[0]!.actor).toEqual({ name: planner.displayName, role: 'planner' });
    expect(versions[1]!.area_m2).toBe(created.properties.area_m2);
  });

  it('accepts the version seen as an If-Match header instead of body.version', async () => {
    const created = await createSketch(app, session, { geometry: first });
    const res = await put(
      created.id,
      { geometry: second, title: created.properties.title, proposed_use: '31' },
      { 'if-match': '"1"' },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<SketchFeature>().properties.version).toBe(2);
  });

  it('shows an old version as it was saved', async () => {
    const created = await createSketch(app, session, { geometry: first });
    await put(created.id, { geometry: second, title: uniqueTitle('Ændret'), proposed_use: '41', version: 1 });
    const res = await get(`/api/sketches/${created.id}/versions/1`);
    expect(res.statusCode, res.body).toBe(200);
    const old = res.json<SketchFeature>();
    expect(old.properties).toMatchObject({ version: 1, title: created.properties.title, proposed_use: '31' });
    expect(old.geometry).toEqual(created.geometry);
    expectProblem(await get(`/api/sketches/${created.id}/versions/3`), 404);
    expectProblem(await get(`/api/sketches/${created.id}/versions/zero`), 400, 'version');
  });

  it('restores an earlier version as a new one, copying its geometry and attributes', async () => {
    const created = await createSketch(app, session, { geometry: first, note: 'oprindelig' });
    await put(created.id, { geometry: second, title: uniqueTitle('Anden'), proposed_use: '51', version: 1 });
    const res = await app.inject({
      method: 'POST',
      url: `/api/sketches/${created.id}/restore`,
      headers: authHeaders(session),
      payload: { from_version: 1, version: 2 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const restored = res.json<SketchFeature>();
    expect(restored.properties).toMatchObject({
      version: 3,
      change: 'restored',
      restored_from: 1,
      title: created.properties.title,
      proposed_use: '31',
      note: 'oprindelig',
      area_m2: created.properties.area_m2,
    });
    expect(restored.geometry).toEqual(created.geometry);
    const versions = (await get(`/api/sketches/${created.id}/versions`)).json<SketchVersions>().versions;
    expect(versions[0]).toMatchObject({ version: 3, change: 'restored', restored_from: 1 });
  });

  it('refuses to restore a version that does not exist, naming from_version', async () => {
    const created = await createSketch(app, session, { geometry: first });
    const res = await app.inject({
      method: 'POST',
      url: `/api/sketches/${created.id}/restore`,
      headers: authHeaders(session),
      payload: { from_version: 7, version: 1 },
    });
    expectProblem(res, 400, 'body.from_version');
    expect((await get(`/api/sketches/${created.id}`)).json<SketchFeature>().properties.version).toBe(1);
  });
});

describe('deleting sketches', () => {
  const del = (id: string, query = '', headers: Record<string, string> = {}) =>
    app.inject({ method: 'DELETE', url: `/api/sketches/${id}${query}`, headers: authHeaders(session, headers) });

  it('deletes softly: the sketch leaves the list, stays readable with deleted_at, and comes back', async () => {
    const created = await createSketch(app, session, { geometry: first });
    const res = await del(created.id, '?version=1');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<SketchFeature>().properties.deleted_at).toEqual(expect.any(String));

    const listed = (url: string) => get(url).then((r) => r.json<SketchCollection>().features.map((f) => f.id));
    expect(await listed('/api/sketches')).not.toContain(created.id);
    expect(await listed('/api/sketches?include_deleted=true')).toContain(created.id);
    const read = await get(`/api/sketches/${created.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json<SketchFeature>().properties.deleted_at).not.toBeNull();

    const back = await app.inject({
      method: 'POST',
      url: `/api/sketches/${created.id}/undelete`,
      headers: authHeaders(session),
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json<SketchFeature>().properties).toMatchObject({ deleted_at: null, version: 1 });
    expect(await listed('/api/sketches')).toContain(created.id);
  });

  it('records who deleted and undeleted, with display name and role', async () => {
    const created = await createSketch(app, session, { geometry: first });
    await del(created.id, '', { 'if-match': '"1"' });
    await app.inject({ method: 'POST', url: `/api/sketches/${created.id}/undelete`, headers: authHeaders(session) });
    const { rows } = await client.query<{ kind: string; actor: string; actor_role: string }>(
      'SELECT kind, actor, actor_role FROM sketch_event WHERE sketch_id = $1 ORDER BY id',
      [created.id],
    );
    expect(rows).toEqual([
      { kind: 'deleted', actor: planner.displayName, actor_role: 'planner' },
      { kind: 'undeleted', actor: planner.displayName, actor_role: 'planner' },
    ]);
  });

  it('answers 409 to changes of a deleted sketch, and to undeleting a live one', async () => {
    const created = await createSketch(app, session, { geometry: first });
    expect((await del(created.id, '?version=1')).statusCode).toBe(200);
    expectProblem(await put(created.id, { geometry: second, title: 'x', proposed_use: '31', version: 1 }), 409);
    expectProblem(await del(created.id, '?version=1'), 409);
    const restore = await app.inject({
      method: 'POST',
      url: `/api/sketches/${created.id}/restore`,
      headers: authHeaders(session),
      payload: { from_version: 1, version: 1 },
    });
    expectProblem(restore, 409);
    const live = await createSketch(app, session, { geometry: first });
    expectProblem(
      await app.inject({ method: 'POST', url: `/api/sketches/${live.id}/undelete`, headers: authHeaders(session) }),
      409,
    );
  });

  it('needs the version seen to delete, and refuses a stale one', async () => {
    const created = await createSketch(app, session, { geometry: first });
    expectProblem(await del(created.id), 400, 'version');
    await put(created.id, { geometry: second, title: created.properties.title, proposed_use: '31', version: 1 });
    const stale = expectProblem(await del(created.id, '?version=1'), 412) as { current_version?: number };
    expect(stale.current_version).toBe(2);
    expect((await get(`/api/sketches/${created.id}`)).json<SketchFeature>().properties.deleted_at).toBeNull();
  });
});

describe('concurrent and stale edits', () => {
  it('answers 412 with the current version to an edit based on an old one, and saves nothing', async () => {
    const created = await createSketch(app, session, { geometry: first });
    expect((await put(created.id, { geometry: second, title: 'B', proposed_use: '31', version: 1 })).statusCode).toBe(
      200,
    );
    const res = await put(created.id, { geometry: first, title: 'C', proposed_use: '31', version: 1 });
    const body = expectProblem(res, 412) as { current_version?: number };
    expect(body.current_version).toBe(2);
    const versions = (await get(`/api/sketches/${created.id}/versions`)).json<SketchVersions>().versions;
    expect(versions.map((v) => v.title)).toEqual(['B', created.properties.title]);
  });

  it('of ten concurrent edits of the same version exactly one wins; the others get 412', async () => {
    const created = await createSketch(app, session, { geometry: first });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        put(created.id, { geometry: second, title: `Samtidig ${i}`, proposed_use: '31', version: 1 }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 412)).toHaveLength(9);
    const versions = (await get(`/api/sketches/${created.id}/versions`)).json<SketchVersions>().versions;
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
  });

  it('rejects a body.version that disagrees with If-Match', async () => {
    const created = await createSketch(app, session, { geometry: first });
    const res = await put(
      created.id,
      { geometry: second, title: 'x', proposed_use: '31', version: 1 },
      { 'if-match': '"2"' },
    );
    expectProblem(res, 400, 'if-match');
  });
});

describe('who may write', () => {
  it('answers 401 to an anonymous write and saves nothing', async () => {
    const title = uniqueTitle('Anonym');
    const res = await app.inject({
      method: 'POST',
      url: '/api/sketches',
      payload: { geometry: first, title, proposed_use: '31' },
    });
    expectProblem(res, 401);
    const { rows } = await client.query('SELECT 1 FROM sketch_version WHERE title = $1', [title]);
    expect(rows).toHaveLength(0);
  });

  it('answers 403 to a planner’s write without the CSRF token', async () => {
    const created = await createSketch(app, session, { geometry: first });
    const res = await app.inject({
      method: 'PUT',
      url: `/api/sketches/${created.id}`,
      headers: { cookie: session.cookie },
      payload: { geometry: second, title: 'x', proposed_use: '31', version: 1 },
    });
    expectProblem(res, 403);
    expect((await get(`/api/sketches/${created.id}`)).json<SketchFeature>().properties.version).toBe(1);
  });

  it('lets anyone read sketches', async () => {
    const created = await createSketch(app, session, { geometry: first });
    expect((await get(`/api/sketches/${created.id}`)).statusCode).toBe(200);
    expect((await get(`/api/sketches/${created.id}/versions`)).statusCode).toBe(200);
  });
});

describe('bad requests', () => {
  it('answers 404 for an unknown sketch and 400 naming id for one that is no uuid', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expectProblem(await get(`/api/sketches/${unknown}`), 404);
    expectProblem(await get(`/api/sketches/${unknown}/versions`), 404);
    expectProblem(await put(unknown, { geometry: first, title: 'x', proposed_use: '31', version: 1 }), 404);
    expectProblem(await get('/api/sketches/not-a-uuid'), 400, 'id');
    expectProblem(await put('1; DROP TABLE sketch', { geometry: first, title: 'x', proposed_use: '31' }), 400, 'id');
  });

  it('names the field at fault in a bad body', async () => {
    const post = (payload: object) =>
      app.inject({ method: 'POST', url: '/api/sketches', headers: authHeaders(session), payload });
    expectProblem(await post({ geometry: first, proposed_use: '31' }), 400, 'body.title');
    expectProblem(await post({ geometry: first, title: '   ', proposed_use: '31' }), 400, 'body.title');
    expectProblem(await post({ geometry: first, title: 'x', proposed_use: '32' }), 400, 'body.proposed_use');
    expectProblem(
      await post({ geometry: first, title: 'x', proposed_use: '31', action_number: '99.9' }),
      400,
      'body.action_number',
    );
    expectProblem(await post({ geometry: first, title: 'x', proposed_use: '31', colour: 'red' }), 400, 'body.colour');
    expectProblem(await post({ title: 'x', proposed_use: '31' }), 400, 'body.geometry');
  });

  it('needs the version seen to edit', async () => {
    const created = await createSketch(app, session, { geometry: first });
    expectProblem(await put(created.id, { geometry: second, title: 'x', proposed_use: '31' }), 400, 'body.version');
  });
});
