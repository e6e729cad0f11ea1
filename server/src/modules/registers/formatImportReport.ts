import { featurePlace } from './RegisterImportError';
import type { ImportReport } from './runImport';

/** Repairs listed one by one before the rest are only counted. */
const LISTED_REPAIRS = 10;

/** The few readable lines `npm run import` prints when it is done. */
export function formatImportReport(r: ImportReport): string[] {
  const n = (v: number) => v.toLocaleString('en');
  const lines = [`read ${n(r.features)} features from ${r.location} in ${r.seconds.toFixed(1)} s`];
  for (const l of r.layers) {
    const merged = l.features > l.written ? ` (${n(l.features - l.written)} parts merged)` : '';
    lines.push(`${l.id}: ${n(l.written)} written${merged}, ${n(l.removed)} removed, ${n(l.repaired)} repaired`);
  }
  for (const x of r.repaired.slice(0, LISTED_REPAIRS)) {
    lines.push(`repaired ${featurePlace({ n: x.n, line: x.line ?? undefined, fid: x.id })}: ${x.reason}`);
  }
  if (r.repaired.length > LISTED_REPAIRS) lines.push(`… and ${n(r.repaired.length - LISTED_REPAIRS)} more repaired`);
  return lines;
}
