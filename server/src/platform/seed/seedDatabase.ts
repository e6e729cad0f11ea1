import type pg from 'pg';
import type { SeedData } from './readSeedData';
import type { SeedTender } from './seedSchema';

export interface SeedResult {
  initiatives: number;
  actions: number;
  layers: number;
  sites: number;
  tendersCreated: number;
}

const SEED_ACTOR = 'Køge Kommune (startdata)';

/**
 * Loads the seed data in one transaction, idempotently. The seed owns what it authored (texts, geometry,
 * links); users own workflow state: an existing tender or an action's progress is never overwritten.
 * Geometry arrives in EPSG:4326 and is stored in EPSG:25832; invalid geometry aborts the whole seed.
 */
export async function seedDatabase({
  client,
  data,
  onProgress = () => {},
}: {
  client: pg.ClientBase;
  data: SeedData;
  onProgress?: (message: string) => void;
}): Promise<SeedResult> {
  const result: SeedResult = { initiatives: 0, actions: 0, layers: 0, sites: 0, tendersCreated: 0 };
  await client.query('BEGIN');
  try {
    onProgress(`seeding policy (${data.policy.initiatives.length} initiatives)`);
    for (const i of data.policy.initiatives) {
      await client.query(
        `INSERT INTO initiative (number, title, goal) VALUES ($1, $2, $3)
         ON CONFLICT (number) DO UPDATE SET title = EXCLUDED.title, goal = EXCLUDED.goal`,
        [i.number, i.title, i.goal],
      );
      result.initiatives++;
      for (const [index, a] of i.actions.entries()) {
        if (!a.number.startsWith(`${i.number}.`))
          throw new Error(`action ${a.number} listed under initiative ${i.number}`);
        await client.query(
          `INSERT INTO action (number, initiative_number, position, text) VALUES ($1, $2, $3, $4)
           ON CONFLICT (number) DO UPDATE SET initiative_number = EXCLUDED.initiative_number,
             position = EXCLUDED.position, text = EXCLUDED.text`,
          [a.number, i.number, index + 1, a.text],
        );
        result.actions++;
      }
    }

    for (const layer of data.layers) {
      const fc = data.features.get(layer.id);
      if (!fc) throw new Error(`no features for layer ${layer.id}`);
      onProgress(`seeding layer ${layer.id} (${fc.features.length} features)`);
      await client.query(
        `INSERT INTO layer (id, title_da, title_en, theme, geometry_type, style, sort_order, min_zoom, max_zoom)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (id) DO UPDATE SET title_da = EXCLUDED.title_da, title_en = EXCLUDED.title_en, theme = EXCLUDED.theme,
           geometry_type = EXCLUDED.geometry_type, style = EXCLUDED.style, sort_order = EXCLUDED.sort_order,
           min_zoom = EXCLUDED.min_zoom, max_zoom = EXCLUDED.max_zoom, version = layer.version + 1`,
        [
          layer.id,
          layer.title_da,
          layer.title_en,
          layer.theme,
          layer.geometry_type,
          JSON.stringify(layer.style),
          layer.sort_order,
          layer.min_zoom,
          layer.max_zoom,
        ],
      );
      result.layers++;
      for (const { geometry, properties: p } of fc.features) {
        const geojson = JSON.stringify(geometry);
        const check = await client.query<{ reason: string }>(
          'SELECT ST_IsValidReason(ST_GeomFromGeoJSON($1)) AS reason',
          [geojson],
        );
        if (check.rows[0]?.reason !== 'Valid Geometry') {
          throw new Error(`site ${p.id}: invalid geometry (${check.rows[0]?.reason ?? 'no result'})`);
        }
        await client.query(
          `INSERT INTO site (id, layer_id, name, kind, geom, plan_use, max_height_m, plot_ratio_pct, building_rights,
                             description, source, accuracy, attributes)
           VALUES ($1, $2, $3, $4, ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($5), 4326), 25832),
                   $6, $7, $8, $9, $10, $11, $12, $13)
           ON CONFLICT (id) DO UPDATE SET layer_id = EXCLUDED.layer_id, name = EXCLUDED.name, kind = EXCLUDED.kind,
             geom = EXCLUDED.geom, plan_use = EXCLUDED.plan_use, max_height_m = EXCLUDED.max_height_m,
             plot_ratio_pct = EXCLUDED.plot_ratio_pct, building_rights = EXCLUDED.building_rights,
             description = EXCLUDED.description, source = EXCLUDED.source, accuracy = EXCLUDED.accuracy,
             attributes = EXCLUDED.attributes, updated_at = now()`,
          [
            p.id,
            layer.id,
            p.name,
            p.kind,
            geojson,
            p.plan_use,
            p.max_height_m,
            p.plot_ratio_pct,
            p.building_rights,
            p.description,
            p.source,
            p.accuracy,
            JSON.stringify(p.attributes),
          ],
        );
        result.sites++;
        await client.query('DELETE FROM site_action WHERE site_id = $1', [p.id]);
        for (const action of p.actions) {
          await client.query('INSERT INTO site_action (site_id, action_number) VALUES ($1, $2)', [p.id, action]);
        }
        if (p.tender) result.tendersCreated += await seedTender(client, p.id, p.tender);
      }
    }
    await client.query(
      `INSERT INTO app_meta (key, value) VALUES ('seed_hash', $1)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [data.hash],
    );
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}

/** Creates the tender and its authored history once; returns 1 if created, 0 if it already existed. */
async function seedTender(client: pg.ClientBase, siteId: string, t: SeedTender): Promise<number> {
  const inserted = await client.query<{ id: number }>(
    `INSERT INTO tender (site_id, status, planned_year, opens_on, closes_on) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (site_id) DO NOTHING RETURNING id`,
    [siteId, t.status, t.planned_year, t.opens_on, t.closes_on],
  );
  const id = inserted.rows[0]?.id;
  if (id === undefined) return 0;
  for (const e of t.history) {
    await client.query(
      `INSERT INTO tender_event (tender_id, at, actor, from_status, to_status, note) VALUES ($1, $2::timestamptz, $3, $4, $5, $6)`,
      // Authored events carry a date only: pin them to noon UTC so they show on that date in Denmark.
      [id, `${e.at}T12:00:00Z`, SEED_ACTOR, e.from_status, e.to_status, e.note],
    );
  }
  return 1;
}

/** The hash of the data set last seeded, or null for a database never seeded. */
export async function seededHash(client: pg.ClientBase): Promise<string | null> {
  const { rows } = await client.query<{ value: string }>("SELECT value FROM app_meta WHERE key = 'seed_hash'");
  return rows[0]?.value ?? null;
}
