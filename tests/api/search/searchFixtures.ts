import pg from 'pg';
import { inject } from 'vitest';

/** A parcel layer, parcels and addresses of the search tests, in EPSG:25832 metres; removed by the returned function. */
export const SEARCH_LAYER = 'search-test-parcels';

export const PARCELS = [
  { id: 990_000_001, matrikelnr: '5ae', ejerlav: 'Ølsemagle By, Ølsemagle', bfe: 2_345_678, x: 701_000, y: 6_153_000 },
  { id: 990_000_002, matrikelnr: '12b', ejerlav: 'Ejby By, Ejby', bfe: null, x: 698_000, y: 6_155_000 },
] as const;

// Two addresses of the same street far apart, to rank by distance; one with å spelt as in the register.
export const ADDRESSES = [
  {
    id: '0a3f5081-0000-4000-8000-000000000001',
    vejnavn: 'Søndre Teglvej',
    husnr: '1',
    postnr: '4600',
    postnrnavn: 'Køge',
    x: 704_000,
    y: 6_148_000,
  },
  {
    id: '0a3f5081-0000-4000-8000-000000000002',
    vejnavn: 'Søndre Teglvej',
    husnr: '2',
    postnr: '4140',
    postnrnavn: 'Borup',
    x: 680_000,
    y: 6_150_000,
  },
  {
    id: '0a3f5081-0000-4000-8000-000000000003',
    vejnavn: 'Gammel Åvej',
    husnr: '14A',
    postnr: '4632',
    postnrnavn: 'Bjæverskov',
    x: 695_000,
    y: 6_160_000,
  },
] as const;

const square = (x: number, y: number) =>
  `SRID=25832;POLYGON((${x} ${y},${x + 50} ${y},${x + 50} ${y + 50},${x} ${y + 50},${x} ${y}))`;

export async function insertSearchFixtures(): Promise<() => Promise<void>> {
  const db = new pg.Client({ connectionString: inject('ownerDatabaseUrl') });
  await db.connect();
  const remove = async () => {
    await db.query('DELETE FROM address WHERE id = ANY($1::uuid[])', [ADDRESSES.map((a) => a.id)]);
    await db.query('DELETE FROM parcel WHERE layer_id = $1', [SEARCH_LAYER]);
    await db.query('DELETE FROM layer WHERE id = $1', [SEARCH_LAYER]);
  };
  await remove();
  await db.query(
    `INSERT INTO layer (id, title_da, title_en, theme, geometry_type, sort_order, source_table)
     VALUES ($1, 'Testmatrikler', 'Test parcels', 'kontekst', 'polygon', 999, 'parcel')`,
    [SEARCH_LAYER],
  );
  for (const p of PARCELS) {
    await db.query(
      `INSERT INTO parcel (id, layer_id, matrikelnr, ejerlav, geom, bfe) VALUES ($1, $2, $3, $4, $5::geometry, $6)`,
      [p.id, SEARCH_LAYER, p.matrikelnr, p.ejerlav, square(p.x, p.y), p.bfe],
    );
  }
  for (const a of ADDRESSES) {
    await db.query(
      `INSERT INTO address (id, vejnavn, husnr, postnr, postnrnavn, geom)
       VALUES ($1, $2, $3, $4, $5, ST_SetSRID(ST_MakePoint($6, $7), 25832))`,
      [a.id, a.vejnavn, a.husnr, a.postnr, a.postnrnavn, a.x, a.y],
    );
  }
  return async () => {
    await remove();
    await db.end();
  };
}
