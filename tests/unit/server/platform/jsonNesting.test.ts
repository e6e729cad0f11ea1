import { describe, expect, it } from 'vitest';
import { jsonNestsDeeperThan } from '../../../../server/src/platform/jsonNesting';

describe('jsonNestsDeeperThan', () => {
  it('measures objects and arrays alike', () => {
    expect(jsonNestsDeeperThan('[[[1]]]', 3)).toBe(false);
    expect(jsonNestsDeeperThan('[[[[1]]]]', 3)).toBe(true);
    expect(jsonNestsDeeperThan('{"a":{"b":[{}]}}', 4)).toBe(false);
    expect(jsonNestsDeeperThan('{"a":{"b":[{"c":1}]}}', 3)).toBe(true);
  });

  it('counts depth, not brackets: siblings do not add up', () => {
    expect(jsonNestsDeeperThan(`[${'[1],'.repeat(10_000)}[1]]`, 2)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonNestsDeeperThan(`{"a":"${'['.repeat(100)}"}`, 1)).toBe(false);
    expect(jsonNestsDeeperThan(`{"a":"\\"${'{'.repeat(100)}"}`, 1)).toBe(false);
    expect(jsonNestsDeeperThan(`["\\\\",[[1]]]`, 2)).toBe(true);
  });

  it('reads a GeoJSON FeatureCollection of MultiPolygons within 32 levels', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { a: { b: [1] } },
          geometry: { type: 'MultiPolygon', coordinates: [[[[1, 2]]]] },
        },
      ],
    };
    expect(jsonNestsDeeperThan(JSON.stringify(fc), 32)).toBe(false);
  });

  it('refuses a million levels, and takes a depth just at the limit', () => {
    expect(jsonNestsDeeperThan(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`, 32)).toBe(true);
    expect(jsonNestsDeeperThan(`${'['.repeat(32)}${']'.repeat(32)}`, 32)).toBe(false);
    expect(jsonNestsDeeperThan(`${'['.repeat(33)}${']'.repeat(33)}`, 32)).toBe(true);
  });
});
