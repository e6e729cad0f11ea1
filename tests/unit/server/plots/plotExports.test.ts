import { describe, expect, it } from 'vitest';
import { csvField, exportFileName, toEpsg25832 } from '../../../../server/src/modules/plots/plotExports';

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('%j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes numbers as they are and null as empty', () => {
    expect(csvField(-2.5)).toBe('-2.5');
    expect(csvField(null)).toBe('');
  });
});

describe('toEpsg25832', () => {
  it('puts Køge Nord Station where the facts table has it (UTM32 E 700439, N 6154921)', () => {
    const p = toEpsg25832({ type: 'Point', coordinates: [12.1735, 55.4992] });
    const [e, n] = p.coordinates as number[];
    expect(Math.abs(e! - 700_439)).toBeLessThan(2);
    expect(Math.abs(n! - 6_154_921)).toBeLessThan(2);
  });

  it('does not touch its input', () => {
    const input = Object.freeze({
      type: 'LineString' as const,
      coordinates: Object.freeze([Object.freeze([12, 55]), Object.freeze([12.1, 55.1])]),
    });
    const out = toEpsg25832(input as never);
    expect(out).not.toBe(input);
    expect(input.coordinates[0]).toEqual([12, 55]);
  });

  it('names files after their CRS', () => {
    expect(exportFileName('EPSG:25832')).toBe('koege-grunde-epsg25832.geojson');
    expect(exportFileName('csv')).toBe('koege-grunde.csv');
  });
});
