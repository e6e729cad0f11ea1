import { describe, expect, it } from 'vitest';
import { parseSynthArgs } from '../../../../seeds/synth/parseSynthArgs';

describe('parseSynthArgs', () => {
  it('reads --parcels with the default seed 1', () => {
    expect(parseSynthArgs(['--parcels', '100000'])).toEqual({
      ok: true,
      command: { action: 'write', parcels: 100_000, seed: 1 },
    });
  });

  it('reads --seed, negative too', () => {
    expect(parseSynthArgs(['--parcels=5', '--seed=-42'])).toEqual({
      ok: true,
      command: { action: 'write', parcels: 5, seed: -42 },
    });
  });

  it('reads --remove', () => {
    expect(parseSynthArgs(['--remove'])).toEqual({ ok: true, command: { action: 'remove' } });
  });

  it.each([
    [[], /--parcels N is required/],
    [['--parcels', '0'], /--parcels must be an integer from 1 to 5,000,000/],
    [['--parcels', '5000001'], /--parcels must be/],
    [['--parcels', '1e5'], /--parcels must be/],
    [['--parcels', '12.5'], /--parcels must be/],
    [['--parcels', ''], /--parcels must be/],
    [['--parcels', '10', '--seed', 'abc'], /--seed must be an integer/],
    [['--parcels', '10', '--seed', '99999999999999999999'], /--seed must be an integer/],
    [['--remove', '--parcels', '10'], /--remove takes no --parcels/],
    [['--parcels', '10', '--frobnicate'], /frobnicate/],
    [['--parcels', '10', 'extra'], /extra/],
  ])('refuses %j', (args, message) => {
    const result = parseSynthArgs(args);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
