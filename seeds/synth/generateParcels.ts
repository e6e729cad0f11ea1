import { createEjerlavNamer } from './createEjerlavNamer';
import { createLandMask } from './createLandMask';
import { createRandom } from './createRandom';
import { createUrbanModel, type LandUse } from './createUrbanModel';
import { matrikelnr } from './matrikelnr';
import { subdivideBlock } from './subdivideBlock';
import { ZEALAND_BOUNDS, ZEALAND_OUTLINE } from './zealandOutline';

export interface SynthParcel {
  /** `SYNTH_PARCEL_ID_BASE` + 1, + 2, … in the order generated. */
  id: number;
  matrikelnr: string;
  ejerlav: string;
  /** Exterior ring, EPSG:25832 metres rounded to 1 cm, closed (first point = last), counter-clockwise. */
  ring: [number, number][];
  /** The land use that sized it. */
  use: LandUse;
}

/** Synthetic parcel ids start above this (10^12), clear of any real register's ids. */
export const SYNTH_PARCEL_ID_BASE = 1_000_000_000_000;
/** The most parcels one run makes. */
export const MAX_SYNTH_PARCELS = 5_000_000;

/**
 * How many parcels fit on Zealand at the natural layout scale, rounded down from the least of seeds 1–20
 * (951,110; they range to 994,814). For more, the whole layout shrinks.
 */
const NATURAL_CAPACITY = 940_000;
/** Room to spare, since the capacity of another seed or of a shrunk layout is only estimated. */
const HEADROOM = 1.08;
/** Metres at scale 1: districts (filled one at a time, in random order) and block sizes by land use. */
const DISTRICT = 4_000;
const BLOCK: Record<LandUse, number> = { city: 125, town: 250, country: 1_000 };
/** From this centrality in, towns get the city's small blocks. */
const TOWN_CENTRE = 0.45;
/** Half the street between blocks, and how far block corners wander into the block (share of its side). */
const ROAD: Record<LandUse, number> = { city: 7, town: 6, country: 4 };
const WANDER = 0.08;
/** Blocks left without parcels: parks, woods, lakes. */
const EMPTY: Record<LandUse, number> = { city: 0.03, town: 0.04, country: 0.08 };

/**
 * Lengths are multiplied by this: 1 while `count` parcels fit at natural size, smaller for more
 * (parcel count grows with 1 / scale²).
 */
export function layoutScale(count: number): number {
  return Math.min(1, Math.sqrt(NATURAL_CAPACITY / (count * HEADROOM)));
}

/**
 * Yields `count` synthetic cadastral parcels on Zealand, deterministically for `seed`: the same arguments
 * give the same parcels, byte for byte. Districts of about 4 km are filled one by one in a seeded random
 * order, so a small count is a few whole neighbourhoods rather than a thin scatter; while the layout is at
 * natural scale (up to about 870,000 parcels), a smaller count gives a prefix of a larger one.
 * Copenhagen gets the smallest blocks and parcels (about 250–1,500 m²), towns and villages 500–5,000 m²,
 * the countryside 1–30 ha; beyond the natural capacity all of them shrink (in area: by about 13 % at
 * 1,000,000, to a sixth at 5,000,000). Parcels never overlap and lie wholly inside `ZEALAND_OUTLINE`.
 * Throws if Zealand runs out of room (it should not).
 */
export function* generateParcels({ count, seed }: { count: number; seed: number }): Generator<SynthParcel> {
  if (!Number.isInteger(count) || count < 1 || count > MAX_SYNTH_PARCELS) {
    throw new RangeError(`count must be an integer from 1 to ${MAX_SYNTH_PARCELS}, got ${count}`);
  }
  const scale = layoutScale(count);
  const urban = createUrbanModel({ seed });
  const ejerlavAt = createEjerlavNamer({ seed });
  const land = createLandMask(ZEALAND_OUTLINE);
  const nextFarmNumber = new Map<number, number>();
  const district = DISTRICT * scale;
  const columns = Math.ceil((ZEALAND_BOUNDS.east - ZEALAND_BOUNDS.west) / district);
  const rows = Math.ceil((ZEALAND_BOUNDS.north - ZEALAND_BOUNDS.south) / district);

  const order = createRandom(seed, 0x0d15).shuffle(Array.from({ length: columns * rows }, (_, i) => i));

  const blockSize = (x: number, y: number) => {
    const { use, centrality } = urban.classify(x, y);
    return (use === 'town' && centrality >= TOWN_CENTRE ? BLOCK.city : BLOCK[use]) * scale;
  };

  let made = 0;
  for (const cell of order) {
    const column = cell % columns;
    const row = Math.floor(cell / columns);
    // Each district draws from its own stream: its parcels do not depend on which districts came before.
    const random = createRandom(seed, column, row);
    const stack: [number, number, number][] = [
      [ZEALAND_BOUNDS.west + column * district, ZEALAND_BOUNDS.south + row * district, district],
    ];
    while (stack.length > 0) {
      const [x0, y0, size] = stack.pop()!;
      // Split while the smallest block wanted anywhere in the square (3 × 3 samples) is smaller than it.
      let wanted = Infinity;
      for (let i = 0; i <= 2; i++) {
        for (let j = 0; j <= 2; j++) wanted = Math.min(wanted, blockSize(x0 + (i * size) / 2, y0 + (j * size) / 2));
      }
      if (size > wanted * 1.01) {
        const half = size / 2;
        // Pushed in reverse so that the quarters come out south-west, south-east, north-west, north-east.
        stack.push([x0 + half, y0 + half, half], [x0, y0 + half, half], [x0 + half, y0, half], [x0, y0, half]);
        continue;
      }
      const { use } = urban.classify(x0 + size / 2, y0 + size / 2);
      const road = ROAD[use] * scale;
      const corner = (cx: number, cy: number, sx: number, sy: number): [number, number] => [
        cx + sx * (road + random.next() * WANDER * size),
        cy + sy * (road + random.next() * WANDER * size),
      ];
      const block = [
        corner(x0, y0, 1, 1),
        corner(x0 + size, y0, -1, 1),
        corner(x0 + size, y0 + size, -1, -1),
        corner(x0, y0 + size, 1, -1),
      ];
      if (random.chance(EMPTY[use])) continue;
      const parcels = subdivideBlock({ block, use, scale, random });
      const onLand = land.containsRing(block) ? parcels : parcels.filter((ring) => land.containsRing(ring));
      if (onLand.length === 0) continue;
      const ejerlav = ejerlavAt(x0 + size / 2, y0 + size / 2);
      const farm = (nextFarmNumber.get(ejerlav.key) ?? 0) + 1;
      nextFarmNumber.set(ejerlav.key, farm);
      for (const [index, ring] of onLand.entries()) {
        made++;
        yield {
          id: SYNTH_PARCEL_ID_BASE + made,
          matrikelnr: matrikelnr(farm, index),
          ejerlav: ejerlav.name,
          ring: [...ring, ring[0]!],
          use,
        };
        if (made === count) return;
      }
    }
  }
  throw new Error(`Zealand ran out of room after ${made} of ${count} parcels (scale ${scale.toFixed(3)})`);
}
