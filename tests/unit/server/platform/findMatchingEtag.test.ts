import { describe, expect, it } from 'vitest';
import { findMatchingEtag } from '../../../../server/src/platform/http/findMatchingEtag';

const ETAGS = ['"tile-7-postgis-gz"', '"tile-7-postgis"'] as const;

describe('findMatchingEtag (If-None-Match, weak comparison)', () => {
  it('matches a strong tag', () => {
    expect(findMatchingEtag('"tile-7-postgis-gz"', ETAGS)).toBe('"tile-7-postgis-gz"');
  });

  it('matches a weak W/ tag as its strong form', () => {
    expect(findMatchingEtag('W/"tile-7-postgis-gz"', ETAGS)).toBe('"tile-7-postgis-gz"');
  });

  it('finds the tag in a list mixing strong and weak tags, with or without spaces', () => {
    expect(findMatchingEtag('"a", W/"tile-7-postgis"', ETAGS)).toBe('"tile-7-postgis"');
    expect(findMatchingEtag('W/"a",W/"b","tile-7-postgis"', ETAGS)).toBe('"tile-7-postgis"');
  });

  it('prefers the current representation (the first) when the list names both', () => {
    expect(findMatchingEtag('"tile-7-postgis", "tile-7-postgis-gz"', ETAGS)).toBe('"tile-7-postgis-gz"');
  });

  it('matches * to the current representation', () => {
    expect(findMatchingEtag('*', ETAGS)).toBe('"tile-7-postgis-gz"');
    expect(findMatchingEtag(' * ', ETAGS)).toBe('"tile-7-postgis-gz"');
  });

  it('reads a tag holding a comma as one tag', () => {
    expect(findMatchingEtag('"x,y", "z"', ['"x,y"'])).toBe('"x,y"');
    expect(findMatchingEtag('"x,y"', ['"x"'])).toBeNull();
  });

  it('matches nothing for other tags, an absent header, unquoted or truncated tags', () => {
    expect(findMatchingEtag('"tile-6-postgis"', ETAGS)).toBeNull();
    expect(findMatchingEtag(undefined, ETAGS)).toBeNull();
    expect(findMatchingEtag('', ETAGS)).toBeNull();
    expect(findMatchingEtag('tile-7-postgis', ETAGS)).toBeNull();
    expect(findMatchingEtag('"tile-7-postgis', ETAGS)).toBeNull();
    expect(findMatchingEtag('W/', ETAGS)).toBeNull();
  });

  it('does not match a prefix or a suffix of a tag', () => {
    expect(findMatchingEtag('"tile-7"', ETAGS)).toBeNull();
    expect(findMatchingEtag('"tile-7-postgis-gz-gz"', ETAGS)).toBeNull();
  });
});
