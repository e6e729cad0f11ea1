import type { SearchType } from '@shared/schemas/search';
import type { Queryable } from '../../platform/db/queryable';
import type { SearchCandidate } from './rankHits';

/** Where distances are measured from, EPSG:4326 lon/lat degrees. */
export interface SearchOrigin {
  lon: number;
  lat: number;
}

export interface SearchPlan {
  /** The query folded by search_fold (migration 012): only a-z, 0-9, ".", "-" and single spaces. */
  folded: string;
  types: ReadonlySet<SearchType>;
  /** Candidates taken from each large table per step; the ranking picks the best of all kinds. */
  candidates: number;
  origin: SearchOrigin | null;
}

/** search_fold of the migration applied to `q`: the one definition of folding, used by the indexes too. */
export async function foldQuery(db: Queryable, q: string): Promise<string> {
  const { rows } = await db.query<{ folded: string }>('SELECT search_fold($1) AS folded', [q]);
  return rows[0]!.folded;
}

// Shared columns of every kind: the extent in EPSG:4326 and the distance (metres, EPSG:25832) from the origin.
const placed = (geom: string) => `
  ST_XMin(ST_Transform(ST_Envelope(${geom}), 4326)) AS west, ST_YMin(ST_Transform(ST_Envelope(${geom}), 4326)) AS south,
  ST_XMax(ST_Transform(ST_Envelope(${geom}), 4326)) AS east, ST_YMax(ST_Transform(ST_Envelope(${geom}), 4326)) AS north,
  ST_Distance(${geom}, (SELECT here FROM origin)) AS distance_m`;

// $1 folded query, $2 lon, $3 lat (null without an origin).
const ORIGIN = `origin AS (
  SELECT CASE WHEN $2::float8 IS NOT NULL
              THEN ST_Transform(ST_SetSRID(ST_MakePoint($2::float8, $3::float8), 4326), 25832) END AS here)`;

// How `key` matched the folded query $1: 0 exact (decided by the caller's `exact`), 1 the key starts with it,
// 2 a word of the key starts with it, 3 it occurs inside, 4 only similar (a typo).
const tier = (key: string, exact: string) => `CASE
  WHEN ${exact} THEN 0
  WHEN ${key} LIKE $1 || '%' THEN 1
  WHEN ${key} LIKE '% ' || $1 || '%' OR ${key} LIKE '%-' || $1 || '%' THEN 2
  WHEN ${key} LIKE '%' || $1 || '%' THEN 3
  ELSE 4 END`;

// Typos are looked for from four characters on: below that, trigram similarity matches nearly everything.
const matches = (key: string) => `(${key} LIKE '%' || $1 || '%' OR (length($1) >= 4 AND $1 <% ${key}))`;

const SITE_KEY = 'site_search_key(s.name, s.id, s.attributes)';
/** Sites, plots and place names: a few thousand rows at most, so every way of matching runs at once. */
const SITES_SQL = `WITH ${ORIGIN}
SELECT CASE WHEN EXISTS (SELECT 1 FROM tender t WHERE t.site_id = s.id) THEN 'plot'
            WHEN l.theme IN ('kontekst', 'infrastruktur') THEN 'place' ELSE 'site' END AS type,
       s.id, s.name, l.title_da AS detail, s.layer_id AS layer,
       ${tier(SITE_KEY, `search_fold(s.name) = $1 OR s.id = $1 OR search_fold(s.attributes ->> 'label') = $1`)} AS tier,
       word_similarity($1, ${SITE_KEY}) AS similarity, ${placed('s.geom')}
  FROM site s JOIN layer l ON l.id = s.layer_id
 WHERE ${matches(SITE_KEY)}
 ORDER BY tier, similarity DESC, length(s.name)
 LIMIT $4`;

const ACTION_KEY = `search_fold(a.number || ' ' || a.text)`;
/** Policy actions by number ("3.6") or words of their text; the extent is that of the sites serving them. */
const ACTIONS_SQL = `WITH ${ORIGIN}
SELECT 'action' AS type, a.number AS id, a.text AS name, 'Indsats ' || i.number || ': ' || i.title AS detail,
       NULL AS layer, ${tier(ACTION_KEY, 'a.number = $1')} AS tier, word_similarity($1, ${ACTION_KEY}) AS similarity,
       ST_XMin(e.ext) AS west, ST_YMin(e.ext) AS south, ST_XMax(e.ext) AS east, ST_YMax(e.ext) AS north,
       e.distance_m
  FROM action a JOIN initiative i ON i.number = a.initiative_number
  LEFT JOIN LATERAL (
    SELECT ST_Extent(ST_Transform(s.geom, 4326)) AS ext, min(ST_Distance(s.geom, (SELECT here FROM origin))) AS distance_m
      FROM site_action sa JOIN site s ON s.id = sa.site_id WHERE sa.action_number = a.number) e ON true
 WHERE ${matches(ACTION_KEY)}
 ORDER BY tier, similarity DESC
 LIMIT $4`;

const INITIATIVE_KEY = `search_fold('indsats ' || i.number || ' ' || i.title)`;
/** The ten initiatives, by "indsats 3" or their title. */
const INITIATIVES_SQL = `WITH ${ORIGIN}
SELECT 'initiative' AS type, i.number::text AS id, i.title AS name, 'Indsats ' || i.number AS detail, NULL AS layer,
       ${tier(INITIATIVE_KEY, `search_fold(i.title) = $1 OR 'indsats ' || i.number = $1`)} AS tier,
       word_similarity($1, ${INITIATIVE_KEY}) AS similarity,
       NULL::float8 AS west, NULL::float8 AS south, NULL::float8 AS east, NULL::float8 AS north,
       NULL::float8 AS distance_m
  FROM initiative i
 WHERE ${matches(INITIATIVE_KEY)}
 ORDER BY tier, similarity DESC
 LIMIT $4`;

const PARCEL_KEY = 'parcel_search_key(p.matrikelnr, p.ejerlav)';
const parcelSelect = (tierSql: string) => `
SELECT 'parcel' AS type, p.id::text AS id, p.matrikelnr || ' ' || p.ejerlav AS name,
       CASE WHEN p.bfe IS NOT NULL THEN 'BFE ' || p.bfe ELSE l.title_da END AS detail, p.layer_id AS layer,
       ${tierSql} AS tier, word_similarity($1, ${PARCEL_KEY}) AS similarity, ${placed('p.geom')}
  FROM parcel p JOIN layer l ON l.id = p.layer_id`;

const ADDRESS_KEY = 'a.search_key';
const addressSelect = (tierSql: string) => `
SELECT 'address' AS type, a.id::text AS id, a.vejnavn || ' ' || a.husnr || ', ' || a.postnr || ' ' || a.postnrnavn AS name,
       a.postnr || ' ' || a.postnrnavn AS detail, NULL AS layer, ${tierSql} AS tier,
       word_similarity($1, ${ADDRESS_KEY}) AS similarity, ${placed('a.geom')}
  FROM address a`;

// The large tables (a national address register is 3.5M rows) are searched in steps, each through an index and
// each only when the steps before found fewer than the limit: a prefix through the b-tree (text_pattern_ops, in
// key order, so an autocomplete prefix stops after $4 rows), a substring through the trigrams, then typos.
const PARCELS_PREFIX_SQL = `WITH ${ORIGIN}
(${parcelSelect(`CASE WHEN ${PARCEL_KEY} = $1 THEN 0 ELSE 1 END`)}
  WHERE ${PARCEL_KEY} LIKE $1 || '%' ORDER BY ${PARCEL_KEY} LIMIT $4)
UNION ALL
(${parcelSelect('0')} WHERE $1 ~ '^[0-9]{1,12}$' AND p.bfe = CASE WHEN $1 ~ '^[0-9]{1,12}$' THEN $1::bigint END LIMIT $4)`;
const PARCELS_SUBSTRING_SQL = `WITH ${ORIGIN}
${parcelSelect(tier(PARCEL_KEY, 'false'))} WHERE ${PARCEL_KEY} LIKE '%' || $1 || '%' LIMIT $4`;
const PARCELS_TYPO_SQL = `WITH ${ORIGIN}
${parcelSelect('4')} WHERE $1 <% ${PARCEL_KEY} ORDER BY similarity DESC LIMIT $4`;

const ADDRESSES_PREFIX_SQL = `WITH ${ORIGIN}
${addressSelect(`CASE WHEN ${ADDRESS_KEY} = $1 THEN 0 ELSE 1 END`)}
 WHERE ${ADDRESS_KEY} LIKE $1 || '%' ORDER BY ${ADDRESS_KEY} LIMIT $4`;
const ADDRESSES_SUBSTRING_SQL = `WITH ${ORIGIN}
${addressSelect(tier(ADDRESS_KEY, 'false'))} WHERE ${ADDRESS_KEY} LIKE '%' || $1 || '%' LIMIT $4`;
const ADDRESSES_TYPO_SQL = `WITH ${ORIGIN}
${addressSelect('4')} WHERE $1 <% ${ADDRESS_KEY} ORDER BY similarity DESC LIMIT $4`;

interface Row {
  type: SearchType;
  id: string;
  name: string;
  detail: string;
  layer: string | null;
  tier: number;
  similarity: number;
  west: number | null;
  south: number | null;
  east: number | null;
  north: number | null;
  distance_m: number | null;
}

const toCandidate = (r: Row): SearchCandidate => ({
  type: r.type,
  id: r.id,
  name: r.name,
  detail: r.detail,
  layer: r.layer,
  tier: r.tier,
  similarity: r.similarity,
  bbox: r.west === null ? null : [r.west, r.south!, r.east!, r.north!],
  distanceM: r.distance_m,
});

/** Substrings are looked for from three characters on: shorter ones have no trigram to look up. */
const SUBSTRING_MIN = 3;
/** Typos are looked for from four characters on (see `matches`). */
const TYPO_MIN = 4;

/**
 * Candidates for `plan` from every kind it names, unranked (see rankHits). Every statement runs on the app's pool
 * and so within its statement_timeout, like every other request's.
 */
export async function findCandidates(db: Queryable, plan: SearchPlan): Promise<SearchCandidate[]> {
  const params = [plan.folded, plan.origin?.lon ?? null, plan.origin?.lat ?? null, plan.candidates];
  const run = async (sql: string) => (await db.query<Row>(sql, params)).rows.map(toCandidate);
  const found: SearchCandidate[] = [];
  const small: [SearchType[], string][] = [
    [['place', 'site', 'plot'], SITES_SQL],
    [['action'], ACTIONS_SQL],
    [['initiative'], INITIATIVES_SQL],
  ];
  for (const [types, sql] of small) {
    if (types.some((t) => plan.types.has(t))) found.push(...(await run(sql)).filter((c) => plan.types.has(c.type)));
  }
  const large: [SearchType, string[]][] = [
    ['parcel', [PARCELS_PREFIX_SQL, PARCELS_SUBSTRING_SQL, PARCELS_TYPO_SQL]],
    ['address', [ADDRESSES_PREFIX_SQL, ADDRESSES_SUBSTRING_SQL, ADDRESSES_TYPO_SQL]],
  ];
  for (const [type, steps] of large) {
    if (!plan.types.has(type)) continue;
    const seen = new Map<string, SearchCandidate>();
    for (const [step, sql] of steps.entries()) {
      if (seen.size >= plan.candidates) break;
      if (step === 1 && plan.folded.length < SUBSTRING_MIN) break;
      if (step === 2 && plan.folded.length < TYPO_MIN) break;
      for (const c of await run(sql)) if (!seen.has(c.id)) seen.set(c.id, c);
    }
    found.push(...seen.values());
  }
  return found;
}
