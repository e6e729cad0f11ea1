/**
 * A PostgreSQL WAL position (`pg_lsn`, text "16/B374D848": two 32-bit hex halves) as one number, so positions
 * compare in JS; null for anything else (a replica that has replayed nothing reports NULL).
 */
export function parseLsn(text: unknown): bigint | null {
  if (typeof text !== 'string') return null;
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text);
  if (!match) return null;
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

/** The text form PostgreSQL reads back as a `pg_lsn`. */
export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

/**
 * A position no replica reaches: reads that must show it go to the primary (a `koege_lsn` cookie that is not a
 * position cannot be trusted to name one; issue #18).
 */
export const MAX_LSN = (1n << 64n) - 1n;

/** The later of two WAL positions, null standing for "none needed". */
export const laterLsn = (a: bigint | null, b: bigint | null): bigint | null =>
  a === null ? b : b === null ? a : a > b ? a : b;
