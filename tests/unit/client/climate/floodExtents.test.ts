import { describe, expect, it } from 'vitest';
import { createFloodExtents, latestOnly } from '../../../../client/src/features/climate/floodExtents';
import type { DikeState } from '@shared/schemas/flood';
import { floodExtent } from '../fixtures';

/** The API's flood-extent call, recording what it was asked ("1.8/with"); `fail` makes the next call fail. */
function edge() {
  const asked: string[] = [];
  let fail = false;
  return {
    asked,
    failNext: () => (fail = true),
    api: {
      getFloodExtent: async (level: number, dike: DikeState) => {
        asked.push(`${level}/${dike}`);
        if (fail) {
          fail = false;
          throw new Error('HTTP 503');
        }
        return floodExtent(level, dike);
      },
    },
  };
}

describe('createFloodExtents (issue #17: one cache of flood extents)', () => {
  it('asks the API once per level and dike state, whoever asks and however often', async () => {
    const { api, asked } = edge();
    const extents = createFloodExtents(api);
    const [a, b] = await Promise.all([extents.get(1.8, 'with'), extents.get(1.8, 'with')]);
    await extents.get(1.8, 'without');
    await extents.get(1.8, 'with');
    expect(a).toBe(b);
    expect(asked).toEqual(['1.8/with', '1.8/without']);
  });

  it('does not keep a failure: the next call asks again', async () => {
    const { api, asked, failNext } = edge();
    const extents = createFloodExtents(api);
    failNext();
    await expect(extents.get(2.8, 'with')).rejects.toThrow('HTTP 503');
    await expect(extents.get(2.8, 'with')).resolves.toMatchObject({ properties: { level_m: 2.8 } });
    expect(asked).toEqual(['2.8/with', '2.8/with']);
  });

  it('keeps at most 64 extents, dropping the one used longest ago', async () => {
    const { api, asked } = edge();
    const extents = createFloodExtents(api);
    for (let cm = 1; cm <= 65; cm++) await extents.get(cm / 100, 'with');
    await extents.get(0.65, 'with');
    await extents.get(0.01, 'with');
    expect(asked.slice(65)).toEqual(['0.01/with']);
  });
});

describe('latestOnly (the one rule for late answers)', () => {
  it('only the latest ticket may land', () => {
    const turns = latestOnly();
    const first = turns.take();
    expect(first.isLatest()).toBe(true);
    const second = turns.take();
    expect([first.isLatest(), second.isLatest()]).toEqual([false, true]);
  });

  it('each consumer has its own turns', () => {
    const finder = latestOnly();
    const climate = latestOnly();
    const mine = finder.take();
    climate.take();
    expect(mine.isLatest()).toBe(true);
  });
});
