import { createRandom } from './createRandom';
import { ZEALAND_BOUNDS } from './zealandOutline';

/** How built-up a place is: it sets block and parcel sizes. */
export type LandUse = 'city' | 'town' | 'country';

export interface UrbanModel {
  /** Land use at a point (EPSG:25832 metres) and how central it is there, 0 (edge) to 1 (centre). */
  classify(x: number, y: number): { use: LandUse; centrality: number };
}

interface Settlement {
  x: number;
  y: number;
  /** Metres. */
  radius: number;
  use: 'city' | 'town';
}

/**
 * Towns of Zealand with a rough built-up radius in metres; centres projected from lon/lat with proj4 and
 * rounded to 100 m. Copenhagen is the one `city`: smaller blocks and parcels, so it is the densest part.
 */
const TOWNS: readonly Settlement[] = [
  { x: 724_400, y: 6_176_200, radius: 15_000, use: 'city' }, // København
  { x: 693_800, y: 6_170_300, radius: 4_400, use: 'town' }, // Roskilde
  { x: 701_000, y: 6_150_600, radius: 3_800, use: 'town' }, // Køge
  { x: 675_500, y: 6_123_900, radius: 4_400, use: 'town' }, // Næstved
  { x: 648_800, y: 6_141_800, radius: 3_800, use: 'town' }, // Slagelse
  { x: 670_900, y: 6_177_700, radius: 3_500, use: 'town' }, // Holbæk
  { x: 724_300, y: 6_215_300, radius: 3_800, use: 'town' }, // Helsingør
  { x: 706_100, y: 6_203_200, radius: 3_800, use: 'town' }, // Hillerød
  { x: 631_400, y: 6_172_400, radius: 2_800, use: 'town' }, // Kalundborg
  { x: 676_500, y: 6_147_300, radius: 2_900, use: 'town' }, // Ringsted
  { x: 635_800, y: 6_133_600, radius: 2_200, use: 'town' }, // Korsør
  { x: 686_100, y: 6_099_800, radius: 2_200, use: 'town' }, // Vordingborg
  { x: 692_200, y: 6_192_500, radius: 2_500, use: 'town' }, // Frederikssund
  { x: 687_800, y: 6_134_400, radius: 2_000, use: 'town' }, // Haslev
  { x: 698_300, y: 6_128_200, radius: 1_500, use: 'town' }, // Faxe
  { x: 666_800, y: 6_200_400, radius: 1_900, use: 'town' }, // Nykøbing Sjælland
  { x: 662_000, y: 6_145_600, radius: 2_000, use: 'town' }, // Sorø
  { x: 708_000, y: 6_164_300, radius: 3_800, use: 'town' }, // Greve
  { x: 707_600, y: 6_172_100, radius: 3_800, use: 'town' }, // Taastrup
  { x: 711_000, y: 6_181_100, radius: 3_100, use: 'town' }, // Ballerup
  { x: 719_500, y: 6_186_000, radius: 3_100, use: 'town' }, // Kongens Lyngby
  { x: 718_900, y: 6_198_300, radius: 2_500, use: 'town' }, // Hørsholm
  { x: 688_500, y: 6_206_900, radius: 2_000, use: 'town' }, // Frederiksværk
  { x: 700_100, y: 6_185_100, radius: 2_200, use: 'town' }, // Stenløse
  { x: 645_600, y: 6_125_000, radius: 1_500, use: 'town' }, // Skælskør
  { x: 693_900, y: 6_112_400, radius: 1_200, use: 'town' }, // Præstø
  { x: 687_600, y: 6_153_300, radius: 1_200, use: 'town' }, // Borup
  { x: 703_200, y: 6_158_500, radius: 2_500, use: 'town' }, // Solrød Strand
  { x: 694_600, y: 6_182_600, radius: 1_900, use: 'town' }, // Jyllinge
  { x: 711_200, y: 6_190_100, radius: 2_500, use: 'town' }, // Farum
  { x: 714_700, y: 6_194_700, radius: 2_500, use: 'town' }, // Birkerød
];

/** Villages scattered by the seed over Zealand's bounding box (those in the sea simply stay empty). */
const VILLAGES = { count: 400, minRadius: 400, maxRadius: 1_000 };
const RANK: Record<LandUse, number> = { country: 0, town: 1, city: 2 };
/** Side of the lookup grid's cells, metres. */
const CELL = 10_000;

/** Copenhagen, the towns and seeded villages; everything else is countryside. */
export function createUrbanModel({ seed }: { seed: number }): UrbanModel {
  const random = createRandom(seed, 0x7111a6e5);
  const settlements: Settlement[] = [...TOWNS];
  for (let i = 0; i < VILLAGES.count; i++) {
    settlements.push({
      x: random.range(ZEALAND_BOUNDS.west, ZEALAND_BOUNDS.east),
      y: random.range(ZEALAND_BOUNDS.south, ZEALAND_BOUNDS.north),
      radius: random.range(VILLAGES.minRadius, VILLAGES.maxRadius),
      use: 'town',
    });
  }
  // Each grid cell lists the settlements whose circle reaches it, so a lookup scans a handful, not all.
  const grid = new Map<number, Settlement[]>();
  const key = (cx: number, cy: number) => cx * 100_000 + cy;
  for (const s of settlements) {
    for (let cx = Math.floor((s.x - s.radius) / CELL); cx <= Math.floor((s.x + s.radius) / CELL); cx++) {
      for (let cy = Math.floor((s.y - s.radius) / CELL); cy <= Math.floor((s.y + s.radius) / CELL); cy++) {
        const list = grid.get(key(cx, cy));
        if (list) list.push(s);
        else grid.set(key(cx, cy), [s]);
      }
    }
  }
  return {
    classify(x, y) {
      let use: LandUse = 'country';
      let centrality = 0;
      for (const s of grid.get(key(Math.floor(x / CELL), Math.floor(y / CELL))) ?? []) {
        const c = 1 - Math.hypot(x - s.x, y - s.y) / s.radius;
        // Where settlements meet, the city wins over a town; between equals, the one whose centre is nearer.
        if (c > 0 && (RANK[s.use] > RANK[use] || (s.use === use && c > centrality))) {
          use = s.use;
          centrality = c;
        }
      }
      return { use, centrality };
    },
  };
}
