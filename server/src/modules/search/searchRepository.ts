import type { Bbox } from '@shared/schemas/geojson';
import { SEARCH_TYPES, type SearchPickType, type SearchType } from '@shared/schemas/search';
import type { Queryable } from '../../platform/db/queryable';
import type { SearchCandidate } from './rankHits';

/** Where distances are measured from, EPSG:4326 lon/lat degrees. */
export interface SearchOrigin {
  lon: number;
  lat: number;
}

export interface SearchPlan {
  /**
   * Named (prepared) statements, planned once per connection: on PostgreSQL only. The embedded engine is one session
   * behind all connections, where a name given on one already exists on the next.
   */
  named: boolean;
  /** The query folded by search_fold (migration 012): only a-z, 0-9, ".", "-" and single spaces. */
  folded: string;
  types: ReadonlySet<SearchType>;
  /** Candidates taken from each kind per step (the limit); the ranking picks the best of all kinds. */
  candidates: number;
  origin: SearchOrigin | null;
}

/** search_fold of the migration applied to `q`: the definition of folding, used by the indexes (foldText is its copy). */
export async function foldQuery(db: Queryable, q: string): Promise<string> {
  const { rows } = await db.query<{ folded: string }>('SELECT search_fold($1) AS folded', [q]);
  return rows[0]!.folded;
}

/** The EPSG:4326 box (box2d text) around an EPSG:25832 box: a box's corners, not the whole geometry, transformed. */
const boxIn4326 = (box25832: string) => `ST_Transform(ST_SetSRID(${box25832}::geometry, 25832), 4326)::box2d::text`;

// Shared columns of every kind: the extent in EPSG:4326 and the distance (metres, EPSG:25832) from the origin. Box2D
// reads the box stored in the geometry's header, so a large polygon (a municipality) is not read whole for it.
const placed = (geom: string) => `
  ${boxIn4326(`Box2D(${geom})`)} AS extent, ST_Distance(${geom}, (SELECT here FROM origin)) AS distance_m`;

// $1 folded query, $2 lon, $3 lat (null without an origin), $4 candidates of each kind (the limit), $5 the kinds
// asked for. Every statement gets all five and names all five: a prepared statement must use every parameter it is
// given a value for.
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

/**
 * rankHits' order (compareCandidates) in SQL, over a kind's columns type, id, name, tier, similarity and
 * distance_m: a small kind returns only its best $4, which are all of it that can be among the best $4 of all kinds.
 * Names and ids sort in collation "C", as JavaScript compares them.
 */
const RANK_ORDER = `tier, distance_m NULLS LAST, similarity DESC,
  array_position(ARRAY[${SEARCH_TYPES.map((t) => `'${t}'`).join(', ')}]::text[], type::text),
  length(name), name COLLATE "C", id COLLATE "C"`;

/**
 * How the small kinds are matched: `text`, the key contains the query (the first statement of every search); `typo`,
 * only similar (pg_trgm word_similarity above its threshold, 0.6), looked for in a later step only. Similarity is
 * worked out only there: over an action's long text it costs more than the rest of a search.
 */
type SmallMode = 'text' | 'typo';
const matches = (key: string, mode: SmallMode) =>
  mode === 'text' ? `${key} LIKE '%' || $1 || '%'` : `$1 <% ${key} AND ${key} NOT LIKE '%' || $1 || '%'`;
const similarity = (key: string, mode: SmallMode) =>
  mode === 'text' ? '1.0::float8' : `word_similarity($1, ${key})::float8`;
/** Metres (EPSG:25832) from the origin to `geom`; null without an origin (ST_Distance is strict). */
const distance = (geom: string) => `ST_Distance(${geom}, (SELECT here FROM origin))`;

const SITE_KEY = 's.search_key';
/**
 * Sites, plots and place names: a few thousand rows at most, so every way of matching runs at once; ranked here,
 * and only the best $4 get their extent.
 */
const sites = (mode: SmallMode) => `
SELECT k.type, k.id, k.name, k.detail, k.layer, k.tier, k.similarity,
       ${boxIn4326('Box2D(k.geom)')} AS extent, k.distance_m
  FROM (SELECT CASE WHEN EXISTS (SELECT 1 FROM tender t WHERE t.site_id = s.id) THEN 'plot'
                    WHEN l.theme IN ('kontekst', 'infrastruktur') THEN 'place' ELSE 'site' END AS type,
               s.id, s.name, l.title_da AS detail, s.layer_id AS layer, s.geom,
               ${tier(SITE_KEY, `search_fold(s.name) = $1 OR s.id = $1 OR search_fold(s.attributes ->> 'label') = $1`)} AS tier,
               ${similarity(SITE_KEY, mode)} AS similarity, ${distance('s.geom')} AS distance_m
          FROM site s JOIN layer l ON l.id = s.layer_id
         WHERE $5::text[] && ARRAY['place', 'site', 'plot'] AND ${matches(SITE_KEY, mode)}) k
 WHERE k.type = ANY($5::text[])
 ORDER BY ${RANK_ORDER}
 LIMIT $4`;

const ACTION_KEY = 'a.search_key';
/**
 * Policy actions by number ("3.6") or words of their text; the extent is that of the sites serving them, worked
 * out for the best $4 only (the distance, which ranks them, for every match, and only with an origin).
 */
const actions = (mode: SmallMode) => `
SELECT m.type, m.id, m.name, m.detail, m.layer, m.tier, m.similarity,
       CASE WHEN e.ext IS NOT NULL THEN ${boxIn4326('e.ext')} END AS extent, m.distance_m
  FROM (SELECT * FROM (SELECT 'action' AS type, a.number AS id, a.text AS name, 'Indsats ' || i.number || ': ' || i.title AS detail,
               NULL AS layer, ${tier(ACTION_KEY, 'a.number = $1')} AS tier,
               ${similarity(ACTION_KEY, mode)} AS similarity,
               CASE WHEN (SELECT here FROM origin) IS NOT NULL THEN
                 (SELECT min(${distance('s.geom')}) FROM site_action sa JOIN site s ON s.id = sa.site_id
                   WHERE sa.action_number = a.number) END AS distance_m
          FROM action a JOIN initiative i ON i.number = a.initiative_number
         WHERE 'action' = ANY($5::text[]) AND ${matches(ACTION_KEY, mode)}) k
         ORDER BY ${RANK_ORDER}
         LIMIT $4) m
  LEFT JOIN LATERAL (
    SELECT ST_Extent(s.geom) AS ext FROM site_action sa JOIN site s ON s.id = sa.site_id WHERE sa.action_number = m.id
  ) e ON true`;

const INITIATIVE_KEY = 'i.search_key';
/** The ten initiatives, by "indsats 3" or their title. */
const initiatives = (mode: SmallMode) => `
SELECT k.*, NULL::text AS extent, NULL::float8 AS distance_m
  FROM (SELECT 'initiative' AS type, i.number::text AS id, i.title AS name, 'Indsats ' || i.number AS detail,
               NULL AS layer,
               ${tier(INITIATIVE_KEY, `search_fold(i.title) = $1 OR 'indsats ' || i.number = $1`)} AS tier,
               ${similarity(INITIATIVE_KEY, mode)} AS similarity
          FROM initiative i
         WHERE 'initiative' = ANY($5::text[]) AND ${matches(INITIATIVE_KEY, mode)}) k
 ORDER BY tier, similarity DESC, length(name), name COLLATE "C", id COLLATE "C"
 LIMIT $4`;

/** The small kinds, as UNION ALL branches of a step's statement. */
const small = (mode: SmallMode) => `(${sites(mode)}) UNION ALL (${actions(mode)}) UNION ALL (${initiatives(mode)})`;

// What a parcel and an address hit show: its name, the second line and its layer.
const PARCEL_SHOWN = `p.matrikelnr || ' ' || p.ejerlav AS name,
       CASE WHEN p.bfe IS NOT NULL THEN 'BFE ' || p.bfe ELSE l.title_da END AS detail, p.layer_id AS layer`;
const ADDRESS_SHOWN = `a.vejnavn || ' ' || a.husnr || ', ' || a.postnr || ' ' || a.postnrnavn AS name,
       a.postnr || ' ' || a.postnrnavn AS detail, NULL AS layer`;

const PARCEL_KEY = 'p.search_key';
const parcels = (tierSql: string, where: string, order = '', limit = '$4') => `
SELECT 'parcel' AS type, p.id::text AS id, ${PARCEL_SHOWN},
       ${tierSql} AS tier, word_similarity($1, ${PARCEL_KEY})::float8 AS similarity, ${placed('p.geom')}
  FROM parcel p JOIN layer l ON l.id = p.layer_id
 WHERE 'parcel' = ANY($5::text[]) AND ${where} ${order} LIMIT ${limit}`;

const ADDRESS_KEY = 'a.search_key';
const addresses = (tierSql: string, where: string, order = '', limit = '$4') => `
SELECT 'address' AS type, a.id::text AS id, ${ADDRESS_SHOWN}, ${tierSql} AS tier,
       word_similarity($1, ${ADDRESS_KEY})::float8 AS similarity, ${placed('a.geom')}
  FROM address a
 WHERE 'address' = ANY($5::text[]) AND ${where} ${order} LIMIT ${limit}`;

// A search runs in steps, each one statement, each only when the steps before found fewer than the limit of what
// ranks above anything it could add. The large tables (a national address register is 3.5M rows) go through an index
// in each: a prefix through the b-tree (collation "C", in key order, so an autocomplete prefix stops after $4 rows; a
// BFE number exactly), a substring through the trigrams, then typos. The small kinds are matched on text in the
// first step (they are scanned whole: a few thousand rows) and on typos in the third.
// Keys that start with $1, as a range of the b-tree: the keys are ASCII below "~" in collation "C". A range, unlike
// LIKE '…%', is used by a prepared statement's generic plan too.
/** Similar keys taken from each register per hit asked for, when it is searched for typos. */
const TYPO_POOL = 5;
const prefixOf = (key: string) => `${key} >= $1 AND ${key} < $1 || '~'`;

const STEPS = {
  text: `WITH ${ORIGIN} ${small('text')}
  UNION ALL
  (${parcels(`CASE WHEN ${PARCEL_KEY} = $1 THEN 0 ELSE 1 END`, prefixOf(PARCEL_KEY), `ORDER BY ${PARCEL_KEY}`)})
  UNION ALL
  (${parcels('0', `$1 ~ '^[0-9]{1,12}$' AND p.bfe = CASE WHEN $1 ~ '^[0-9]{1,12}$' THEN $1::bigint END`)})
  UNION ALL
  (${addresses(`CASE WHEN ${ADDRESS_KEY} = $1 THEN 0 ELSE 1 END`, prefixOf(ADDRESS_KEY), `ORDER BY ${ADDRESS_KEY}`)})`,
  registerSubstrings: `WITH ${ORIGIN}
  (${parcels(tier(PARCEL_KEY, 'false'), `${PARCEL_KEY} LIKE '%' || $1 || '%'`)})
  UNION ALL
  (${addresses(tier(ADDRESS_KEY, 'false'), `${ADDRESS_KEY} LIKE '%' || $1 || '%'`)})`,
  typos: `WITH ${ORIGIN} ${small('typo')}`,
  // The first TYPO_POOL × $4 similar keys the trigram index gives, not the most similar: "Vestetr" is similar to
  // 70,000 of 3.5M addresses (every "Vester…"), and ranking them all took seconds (503s at 10 connections in
  // bench:search). The ranking picks the nearest, then the most similar, of those.
  registerTypos: `WITH ${ORIGIN}
  (${parcels('4', `$1 <% ${PARCEL_KEY}`, '', `${TYPO_POOL} * $4`)})
  UNION ALL
  (${addresses('4', `$1 <% ${ADDRESS_KEY}`, '', `${TYPO_POOL} * $4`)})`,
} as const;
type Step = keyof typeof STEPS;

/** A candidate as a statement returns it: the extent as PostGIS writes a box, the distance by its column's name. */
type Row = Omit<SearchCandidate, 'bbox' | 'distanceM'> & {
  /** box2d text: BOX(west south,east north). */
  extent: string | null;
  distance_m: number | null;
};

/** [west, south, east, north] of PostGIS's box2d text. */
function parseBox(text: string | null): Bbox | null {
  const n = text?.match(/-?[\d.]+(?:e[-+]?\d+)?/gi)?.map(Number);
  return n?.length === 4 ? [n[0]!, n[1]!, n[2]!, n[3]!] : null;
}

const toCandidate = (r: Row): SearchCandidate => ({
  type: r.type,
  id: r.id,
  name: r.name,
  detail: r.detail,
  layer: r.layer,
  tier: r.tier,
  similarity: r.similarity,
  bbox: parseBox(r.extent),
  distanceM: r.distance_m,
});

/**
 * Substrings and typos are looked for only in a query with a run of three letters or digits: pg_trgm splits words at
 * everything else, so "6.1" has only the trigrams of the one-character words "6" and "1", which half the addresses
 * have. Its substring search rechecked hundreds of thousands of rows (4 s at 3.5M addresses in bench:search).
 */
const HAS_TRIGRAM = /[a-z0-9]{3}/;
/** A postcode as a word of the query: four digits. */
const POSTCODE = /(^| )[0-9]{4}( |$)/;
/** Typos are looked for from four characters on: below that, trigram similarity matches nearly everything. */
const TYPO_MIN = 4;
/** The best tier each step can add (what the steps before have not found already). */
const STEP_BEST_TIER: Record<Step, number> = { text: 0, registerSubstrings: 2, typos: 4, registerTypos: 4 };
const LARGE: readonly SearchType[] = ['parcel', 'address'];

/**
 * Candidates for `plan` from every kind it names, unranked (see rankHits): one statement for an autocomplete prefix
 * that enough names start with, up to four otherwise. A step runs only when the candidates so far that rank above
 * anything it could add are fewer than the limit (so it cannot change the answer otherwise). Each small kind gives
 * its best `candidates` by the ranking's own order (RANK_ORDER); each large kind gives `candidates` in key order (the
 * b-tree's), so that an autocomplete prefix stops early: of the addresses that start with the query, the first ones
 * by name are ranked. Addresses and parcels are looked for by substring only when no name of any kind starts with
 * what was typed (or it holds a postcode), and by typos only when nothing of any kind matched as text: a typo search through 3.5M addresses rechecks tens of
 * thousands of rows (0.3–1.3 s in bench:search's database), to add hits that would rank below every text match.
 * Every statement runs on the app's pool and so within its statement_timeout, like every other request's.
 */
export async function findCandidates(db: Queryable, plan: SearchPlan): Promise<SearchCandidate[]> {
  const params = [plan.folded, plan.origin?.lon ?? null, plan.origin?.lat ?? null, plan.candidates, [...plan.types]];
  const found = new Map<string, SearchCandidate>();
  const all = () => [...found.values()];
  const trigrams = HAS_TRIGRAM.test(plan.folded);
  const typos = trigrams && plan.folded.length >= TYPO_MIN;
  const registers = LARGE.some((t) => plan.types.has(t));
  const wanted: Record<Step, () => boolean> = {
    text: () => true,
    // A name that starts with the query (an address, a parcel, or a place, site or action) is what autocomplete
    // wants: words and substrings in the registers are looked for only when none does (they rank below it anyway),
    // or for a postcode ("4600": the district first, then addresses in it). The trigram scan of 3.5M addresses
    // costs 10–70 ms even when it finds nothing ("Køge Havn" in bench:search's database).
    registerSubstrings: () =>
      trigrams &&
      registers &&
      !all().some((c) => LARGE.includes(c.type)) &&
      (POSTCODE.test(plan.folded) || !all().some((c) => c.tier <= 1)),
    // Typos in the small kinds too only when no address or parcel matched as text: a register match means an
    // address or parcel is what is being typed.
    typos: () => typos && !all().some((c) => LARGE.includes(c.type)),
    registerTypos: () => typos && registers && all().every((c) => c.tier >= STEP_BEST_TIER.registerTypos),
  };
  for (const step of Object.keys(STEPS) as Step[]) {
    if (all().filter((c) => c.tier < STEP_BEST_TIER[step]).length >= plan.candidates) break;
    if (!wanted[step]()) continue;
    const sql = STEPS[step];
    const query = plan.named ? { name: `search-${step}`, text: sql, values: params } : { text: sql, values: params };
    for (const r of (await db.query<Row>(query)).rows) {
      const c = toCandidate(r);
      if (plan.types.has(c.type) && !found.has(`${c.type}:${c.id}`)) found.set(`${c.type}:${c.id}`, c);
    }
  }
  return all();
}

/** One parcel or address by its id, as a hit (an exact match, no distance); null when there is none. */
const HIT_BY_ID: Record<SearchPickType, string> = {
  parcel: `SELECT 'parcel' AS type, p.id::text AS id, ${PARCEL_SHOWN}, 0 AS tier, 1.0::float8 AS similarity,
                  ${boxIn4326('Box2D(p.geom)')} AS extent, NULL::float8 AS distance_m
             FROM parcel p JOIN layer l ON l.id = p.layer_id WHERE p.id = $1::bigint`,
  address: `SELECT 'address' AS type, a.id::text AS id, ${ADDRESS_SHOWN}, 0 AS tier, 1.0::float8 AS similarity,
                   ${boxIn4326('Box2D(a.geom)')} AS extent, NULL::float8 AS distance_m
              FROM address a WHERE a.id = $1::uuid`,
};

/** The parcel or address `id` of a link's selection (`sel=`), as a candidate; null when it is gone. */
export async function findHit(
  db: Queryable,
  { type, id }: { type: SearchPickType; id: string },
): Promise<SearchCandidate | null> {
  const { rows } = await db.query<Row>(HIT_BY_ID[type], [id]);
  return rows[0] ? toCandidate(rows[0]) : null;
}
