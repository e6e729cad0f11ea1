// Letters of Danish matrikel numbers: a–z, then æ and ø.
const LETTERS = 'abcdefghijklmnopqrstuvwxyzæø';

/**
 * The matrikel number of the `index`-th parcel (0-based) carved out of farm number `base`: 0 → "5",
 * 1 → "5a", 28 → "5ø", 29 → "5aa", 31 → "5ac" (bijective base 28, like spreadsheet columns).
 */
export function matrikelnr(base: number, index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / LETTERS.length)) {
    letters = LETTERS[(n - 1) % LETTERS.length] + letters;
  }
  return `${base}${letters}`;
}
