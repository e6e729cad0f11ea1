import { inTransaction } from '../../platform/db/inTransaction';
import type pg from 'pg';
import type { ProposedUse, SketchChange, SketchFeature, SketchVersionEntry } from '@shared/schemas/sketch';
import type { ValidSketchGeometry } from './validateSketchGeometry';
import type { Queryable } from '../../platform/db/queryable';
import type { SessionUser } from '../../platform/auth/sessionRepository';

/** Who saves: a display name and role, never an e-mail address (a sketch is public). */
export type SketchWriter = Pick<SessionUser, 'id' | 'displayName' | 'role'>;

/** A sketch's attributes with a geometry already checked by validateSketchGeometry. */
export interface NewSketch {
  geometry: ValidSketchGeometry;
  title: string;
  proposed_use: ProposedUse;
  action_number: string | null;
  note: string;
}

type Pool = Pick<pg.Pool, 'connect'>;

const ISO_UTC = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Columns of a sketch feature for version `v` of sketch `s` (aliases fixed by every query below). */
const FEATURE_COLUMNS = `
  s.id::text AS id, v.version, v.title, v.proposed_use, v.action_number, v.note,
  v.area_m2, v.perimeter_m, v.length_m, v.change, v.restored_from,
  ${ISO_UTC('v.at')} AS updated_at, v.actor, v.actor_role,
  ${ISO_UTC('s.created_at')} AS created_at,
  CASE WHEN s.deleted_at IS NOT NULL THEN ${ISO_UTC('s.deleted_at')} END AS deleted_at,
  ST_AsGeoJSON(rfc7946_orient(ST_Transform(v.geom, 4326)), 7)::json AS geometry`;

interface FeatureRow extends Omit<SketchVersionEntry, 'at' | 'actor'> {
  id: string;
  updated_at: string;
  actor: string;
  actor_role: 'planner' | 'admin' | null;
  created_at: string;
  deleted_at: string | null;
  geometry: SketchFeature['geometry'];
}

function toFeature(row: FeatureRow): SketchFeature {
  const { geometry, actor, actor_role, ...rest } = row;
  return {
    type: 'Feature',
    id: row.id,
    geometry,
    properties: {
      ...rest,
      updated_by: { name: actor, role: actor_role },
      status: 'draft',
      source: `Skitse i Køge Erhvervskort (${actor})`,
      accuracy: 'illustrative',
    },
  };
}

/** Current versions of all sketches, oldest first; deleted ones only when asked. */
export async function listSketches(
  db: Queryable,
  { includeDeleted = false, ids }: { includeDeleted?: boolean; ids?: string[] } = {},
): Promise<SketchFeature[]> {
  const { rows } = await db.query<FeatureRow>(
    `SELECT ${FEATURE_COLUMNS}
       FROM sketch s JOIN sketch_version v ON v.sketch_id = s.id AND v.version = s.current_version
      WHERE ($1 OR s.deleted_at IS NULL) AND ($2::uuid[] IS NULL OR s.id = ANY ($2::uuid[]))
      ORDER BY s.created_at, s.id`,
    [includeDeleted, ids ?? null],
  );
  return rows.map(toFeature);
}

/** The current version of a sketch (also when deleted: deleted_at says so); null when there is no such sketch. */
export async function getSketch(db: Queryable, id: string): Promise<SketchFeature | null> {
  const { rows } = await db.query<FeatureRow>(
    `SELECT ${FEATURE_COLUMNS}
       FROM sketch s JOIN sketch_version v ON v.sketch_id = s.id AND v.version = s.current_version
      WHERE s.id = $1`,
    [id],
  );
  return rows[0] ? toFeature(rows[0]) : null;
}

/** One version of a sketch as it was saved (deleted_at is the sketch's today); null when there is none. */
export async function getSketchVersion(db: Queryable, id: string, version: number): Promise<SketchFeature | null> {
  const { rows } = await db.query<FeatureRow>(
    `SELECT ${FEATURE_COLUMNS}
       FROM sketch s JOIN sketch_version v ON v.sketch_id = s.id
      WHERE s.id = $1 AND v.version = $2`,
    [id, version],
  );
  return rows[0] ? toFeature(rows[0]) : null;
}

/** Every version of a sketch, newest first, without geometry; null when there is no such sketch. */
export async function listSketchVersions(db: Queryable, id: string): Promise<SketchVersionEntry[] | null> {
  const { rows } = await db.query<SketchVersionEntry & { exists: boolean }>(
    `SELECT v.version, v.title, v.proposed_use, v.action_number, v.note, v.area_m2, v.perimeter_m, v.length_m,
            v.change, v.restored_from, ${ISO_UTC('v.at')} AS at,
            json_build_object('name', v.actor, 'role', v.actor_role) AS actor
       FROM sketch_version v WHERE v.sketch_id = $1
      ORDER BY v.version DESC`,
    [id],
  );
  return rows.length > 0 ? rows : null;
}

/** A write's outcome; everything but `saved` changed nothing. */
export type SketchWriteResult =
  | { kind: 'saved'; feature: SketchFeature }
  | { kind: 'not_found' }
  | { kind: 'deleted' }
  | { kind: 'not_deleted' }
  | { kind: 'stale'; currentVersion: number }
  | { kind: 'invalid'; field: string; reason: string };

/** A sketch write in one transaction: it commits only when it saved or created; any other outcome changes nothing. */
const write = <T extends { kind: string }>(pool: Pool, work: (client: pg.PoolClient) => Promise<T>) =>
  inTransaction(pool, work, (result) => result.kind === 'saved' || result.kind === 'created');

/** The policy action numbers among `numbers` that do not exist. */
async function unknownActions(db: Queryable, numbers: (string | null)[]): Promise<Set<string>> {
  const wanted = [...new Set(numbers.filter((n): n is string => n !== null))];
  if (wanted.length === 0) return new Set();
  const { rows } = await db.query<{ number: string }>('SELECT number FROM action WHERE number = ANY ($1)', [wanted]);
  const known = new Set(rows.map((r) => r.number));
  return new Set(wanted.filter((n) => !known.has(n)));
}

async function insertVersion(
  db: Queryable,
  v: NewSketch & { id: string; version: number; change: SketchChange; actor: SketchWriter },
): Promise<void> {
  await db.query(
    `INSERT INTO sketch_version
       (sketch_id, version, title, proposed_use, action_number, note, geom, change, actor, actor_role, actor_user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7::geometry, $8, $9, $10, $11)`,
    [
      v.id,
      v.version,
      v.title,
      v.proposed_use,
      v.action_number,
      v.note,
      v.geometry.ewkb25832,
      v.change,
      v.actor.displayName,
      v.actor.role,
      v.actor.id,
    ],
  );
}

async function readFeature(db: Queryable, id: string): Promise<SketchFeature> {
  const feature = await getSketch(db, id);
  if (!feature) throw new Error(`sketch ${id} vanished inside its own transaction`);
  return feature;
}

export type SketchesCreateResult =
  { kind: 'created'; features: SketchFeature[] } | { kind: 'invalid'; index: number; field: string; reason: string };

/**
 * Creates sketches, each at version 1, all in one transaction: either all are saved or none (an import's
 * commit). `change` is 'created' for a drawn sketch and 'imported' for a file's features. An unknown
 * action_number saves nothing and names the input's index.
 */
export async function createSketches(
  pool: Pool,
  inputs: NewSketch[],
  actor: SketchWriter,
  change: Extract<SketchChange, 'created' | 'imported'>,
): Promise<SketchesCreateResult> {
  return write<SketchesCreateResult>(pool, async (client) => {
    const unknown = await unknownActions(
      client,
      inputs.map((i) => i.action_number),
    );
    const bad = inputs.findIndex((i) => i.action_number !== null && unknown.has(i.action_number));
    if (bad >= 0) {
      return {
        kind: 'invalid',
        index: bad,
        field: 'action_number',
        reason: `no policy action ${inputs[bad]!.action_number}`,
      };
    }
    const features: SketchFeature[] = [];
    for (const input of inputs) {
      const { rows } = await client.query<{ id: string }>(
        'INSERT INTO sketch (created_by) VALUES ($1) RETURNING id::text AS id',
        [actor.id],
      );
      const id = rows[0]!.id;
      await insertVersion(client, { ...input, id, version: 1, change, actor });
      features.push(await readFeature(client, id));
    }
    return { kind: 'created', features };
  });
}

/** Creates one sketch at version 1 (change 'created', also when its geometry was repaired). */
export async function createSketch(pool: Pool, input: NewSketch, actor: SketchWriter): Promise<SketchWriteResult> {
  const result = await createSketches(pool, [input], actor, 'created');
  return result.kind === 'created'
    ? { kind: 'saved', feature: result.features[0]! }
    : { kind: 'invalid', field: `body.${result.field}`, reason: result.reason };
}

/**
 * Locks the sketch row (SELECT … FOR UPDATE, so concurrent writers queue) and checks it may change: it exists,
 * is live or deleted as `want` says, and is still at `version` (when given). `locked` means go ahead.
 */
async function lockForChange(
  client: pg.PoolClient,
  id: string,
  version: number | undefined,
  want: 'live' | 'deleted',
): Promise<SketchWriteResult | { kind: 'locked'; currentVersion: number }> {
  const { rows } = await client.query<{ current_version: number; deleted: boolean }>(
    'SELECT current_version, deleted_at IS NOT NULL AS deleted FROM sketch WHERE id = $1 FOR UPDATE',
    [id],
  );
  const row = rows[0];
  if (!row) return { kind: 'not_found' };
  if (want === 'live' && row.deleted) return { kind: 'deleted' };
  if (want === 'deleted' && !row.deleted) return { kind: 'not_deleted' };
  if (version !== undefined && row.current_version !== version) {
    return { kind: 'stale', currentVersion: row.current_version };
  }
  return { kind: 'locked', currentVersion: row.current_version };
}

/**
 * Saves a new version of a live sketch, if it is still at `version` (optimistic concurrency). The change is
 * 'repaired' when the geometry is ST_MakeValid's repair, else 'edited'.
 */
export async function updateSketch(
  pool: Pool,
  u: { id: string; version: number; input: NewSketch; actor: SketchWriter },
): Promise<SketchWriteResult> {
  return write<SketchWriteResult>(pool, async (client) => {
    const lock = await lockForChange(client, u.id, u.version, 'live');
    if (lock.kind !== 'locked') return lock;
    if ((await unknownActions(client, [u.input.action_number])).size > 0) {
      return { kind: 'invalid', field: 'body.action_number', reason: `no policy action ${u.input.action_number}` };
    }
    const next = lock.currentVersion + 1;
    const change = u.input.geometry.repaired ? 'repaired' : 'edited';
    await insertVersion(client, { ...u.input, id: u.id, version: next, change, actor: u.actor });
    await client.query('UPDATE sketch SET current_version = $2 WHERE id = $1', [u.id, next]);
    return { kind: 'saved', feature: await readFeature(client, u.id) };
  });
}

/** Copies version `fromVersion` into a new version (change 'restored'), if the sketch is still at `version`. */
export async function restoreSketch(
  pool: Pool,
  r: { id: string; fromVersion: number; version: number; actor: SketchWriter },
): Promise<SketchWriteResult> {
  return write<SketchWriteResult>(pool, async (client) => {
    const lock = await lockForChange(client, r.id, r.version, 'live');
    if (lock.kind !== 'locked') return lock;
    const next = lock.currentVersion + 1;
    const copied = await client.query(
      `INSERT INTO sketch_version (sketch_id, version, title, proposed_use, action_number, note, geom, change,
                                   restored_from, actor, actor_role, actor_user_id)
       SELECT sketch_id, $3, title, proposed_use, action_number, note, geom, 'restored', version, $4, $5, $6
         FROM sketch_version WHERE sketch_id = $1 AND version = $2`,
      [r.id, r.fromVersion, next, r.actor.displayName, r.actor.role, r.actor.id],
    );
    if (copied.rowCount !== 1) {
      return { kind: 'invalid', field: 'body.from_version', reason: `the sketch has no version ${r.fromVersion}` };
    }
    await client.query('UPDATE sketch SET current_version = $2 WHERE id = $1', [r.id, next]);
    return { kind: 'saved', feature: await readFeature(client, r.id) };
  });
}

async function recordEvent(db: Queryable, id: string, kind: 'deleted' | 'undeleted', actor: SketchWriter) {
  await db.query(
    'INSERT INTO sketch_event (sketch_id, kind, actor, actor_role, actor_user_id) VALUES ($1, $2, $3, $4, $5)',
    [id, kind, actor.displayName, actor.role, actor.id],
  );
}

/** Marks a live sketch deleted (soft: every version stays), if it is still at `version`. */
export async function softDeleteSketch(
  pool: Pool,
  d: { id: string; version: number; actor: SketchWriter },
): Promise<SketchWriteResult> {
  return write<SketchWriteResult>(pool, async (client) => {
    const lock = await lockForChange(client, d.id, d.version, 'live');
    if (lock.kind !== 'locked') return lock;
    await client.query('UPDATE sketch SET deleted_at = now(), deleted_by = $2 WHERE id = $1', [d.id, d.actor.id]);
    await recordEvent(client, d.id, 'deleted', d.actor);
    return { kind: 'saved', feature: await readFeature(client, d.id) };
  });
}

/** Brings a deleted sketch back at its current version (checked against `version` when given). */
export async function undeleteSketch(
  pool: Pool,
  u: { id: string; version?: number; actor: SketchWriter },
): Promise<SketchWriteResult> {
  return write<SketchWriteResult>(pool, async (client) => {
    const lock = await lockForChange(client, u.id, u.version, 'deleted');
    if (lock.kind !== 'locked') return lock;
    await client.query('UPDATE sketch SET deleted_at = NULL, deleted_by = NULL WHERE id = $1', [u.id]);
    await recordEvent(client, u.id, 'undeleted', u.actor);
    return { kind: 'saved', feature: await readFeature(client, u.id) };
  });
}
