import { describe, expect, it } from 'vitest';
import { isMessageKey } from '@shared/i18n/translate';
import { readSeedData } from '../../../../server/src/platform/seed/readSeedData';

describe('the UI can name everything in the seed data', () => {
  it('has a label for every kind and attribute the seed features use', async () => {
    const data = await readSeedData();
    const missing: string[] = [];
    for (const fc of data.features.values()) {
      for (const { properties: p } of fc.features) {
        if (!isMessageKey(`kind.${p.kind}`)) missing.push(`kind.${p.kind}`);
        for (const key of Object.keys(p.attributes)) if (!isMessageKey(`attr.${key}`)) missing.push(`attr.${key}`);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it('does not take arbitrary strings for keys', () => {
    expect(isMessageKey('kind.plot')).toBe(true);
    expect(isMessageKey('kind.nonsense')).toBe(false);
    expect(isMessageKey('constructor')).toBe(false);
  });
});
