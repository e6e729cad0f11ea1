import { parseArgs } from 'node:util';
import { MAX_SYNTH_PARCELS } from './generateParcels';

export type SynthCommand = { action: 'write'; parcels: number; seed: number } | { action: 'remove' };

export const SYNTH_USAGE = `usage: npm run synth -- --parcels N [--seed S]   write N synthetic parcels (1 to ${MAX_SYNTH_PARCELS.toLocaleString('en')}; seed: an integer, default 1)
       npm run synth -- --remove                  delete the synthetic parcels and their layer`;

const INTEGER = /^-?[0-9]+$/;

/** Reads the arguments of `npm run synth`; an error is a message for the user, never an exception. */
export function parseSynthArgs(
  args: readonly string[],
): { ok: true; command: SynthCommand } | { ok: false; error: string } {
  let values: { parcels?: string; seed?: string; remove?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { parcels: { type: 'string' }, seed: { type: 'string' }, remove: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  if (values.remove) {
    if (values.parcels !== undefined || values.seed !== undefined) {
      return { ok: false, error: '--remove takes no --parcels or --seed' };
    }
    return { ok: true, command: { action: 'remove' } };
  }
  if (values.parcels === undefined) return { ok: false, error: '--parcels N is required (or --remove)' };
  const parcels = INTEGER.test(values.parcels) ? Number(values.parcels) : NaN;
  if (!Number.isSafeInteger(parcels) || parcels < 1 || parcels > MAX_SYNTH_PARCELS) {
    return {
      ok: false,
      error: `--parcels must be an integer from 1 to ${MAX_SYNTH_PARCELS.toLocaleString('en')}, got "${values.parcels}"`,
    };
  }
  const seed = values.seed === undefined ? 1 : INTEGER.test(values.seed) ? Number(values.seed) : NaN;
  if (!Number.isSafeInteger(seed)) {
    return { ok: false, error: `--seed must be an integer (up to ±2^53), got "${values.seed}"` };
  }
  return { ok: true, command: { action: 'write', parcels, seed } };
}
