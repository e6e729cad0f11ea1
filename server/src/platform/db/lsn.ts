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
