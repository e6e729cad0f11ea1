import { createRandom } from './createRandom';
import { ZEALAND_BOUNDS } from './zealandOutline';

export interface Ejerlav {
  /** Distinct for every ejerlav of one seed; numbering of matrikel numbers runs per key. */
  key: number;
  /** Like "Ølsemagle By, Ølsemagle": village, then parish (sogn). */
  name: string;
}

// Invented, Zealand-sounding name parts: prefix + suffix gives names like Ølsemagle, Herfølge, Tingsted.
const PREFIXES = (
  'Øls Herf Ler Ej Lell Skens Bor Gør Ting Vall Has Ruds Kimmer Ør Hvals Vig Ly Sal Tors Kvis Snes Alm Hamme ' +
  'Gjor Ous Spange Tolle Bjæver Ås Rane Karle Glum Fakke Bøl Fri Jers Lidem Sig Vem Gud Hel Ebbe Dals Kor Sæd ' +
  'Tureb Ravns Havde Kirke Bjerre'
).split(' ');
const SUFFIXES = (
  'emagle ølge by rup løse sted strup inge lev høj bjerg ved tofte holm ager bølle skov hede lunde toft vad ' +
  'høje inde købing'
).split(' ');
const VARIANTS = ['', 'Store ', 'Lille ', 'Nørre '];
/** Ejerlav are cells of this side in metres; parishes (sogne) group them. */
const EJERLAV_CELL = 2_000;
const PARISH_CELL = 8_000;

const COLUMNS = Math.ceil((ZEALAND_BOUNDS.east - ZEALAND_BOUNDS.west) / EJERLAV_CELL);
const ROWS = Math.ceil((ZEALAND_BOUNDS.north - ZEALAND_BOUNDS.south) / EJERLAV_CELL);
const PARISH_COLUMNS = Math.ceil((ZEALAND_BOUNDS.east - ZEALAND_BOUNDS.west) / PARISH_CELL);
const PARISH_ROWS = Math.ceil((ZEALAND_BOUNDS.north - ZEALAND_BOUNDS.south) / PARISH_CELL);

/**
 * Names the ejerlav (cadastral district) at a point in EPSG:25832 metres: a 2 km grid of ejerlav in an
 * 8 km grid of parishes. Names are drawn without replacement from an invented pool, so no two ejerlav of
 * one seed share a name; the ejerlav at a parish's centre carries the parish's own name.
 */
export function createEjerlavNamer({ seed }: { seed: number }): (x: number, y: number) => Ejerlav {
  const random = createRandom(seed, 0xe7e21a);
  const stems = PREFIXES.flatMap((p) => SUFFIXES.map((s) => p + s));
  const parishes = random.shuffle([...stems]).slice(0, PARISH_COLUMNS * PARISH_ROWS);
  const taken = new Set(parishes);
  const villages = random.shuffle(VARIANTS.flatMap((v) => stems.map((s) => v + s)).filter((n) => !taken.has(n)));
  if (villages.length < COLUMNS * ROWS) throw new Error('the ejerlav name pool is smaller than the grid');
  const names = new Map<number, string>();
  return (x, y) => {
    const column = Math.min(COLUMNS - 1, Math.max(0, Math.floor((x - ZEALAND_BOUNDS.west) / EJERLAV_CELL)));
    const row = Math.min(ROWS - 1, Math.max(0, Math.floor((y - ZEALAND_BOUNDS.south) / EJERLAV_CELL)));
    const key = row * COLUMNS + column;
    let name = names.get(key);
    if (name === undefined) {
      const per = PARISH_CELL / EJERLAV_CELL;
      const parish = parishes[Math.floor(row / per) * PARISH_COLUMNS + Math.floor(column / per)]!;
      const atCentre = row % per === per / 2 && column % per === per / 2;
      name = `${atCentre ? parish : villages[key]!} By, ${parish}`;
      names.set(key, name);
    }
    return { key, name };
  };
}
