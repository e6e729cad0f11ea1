import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkGeometry, GeometryProblem } from '../../../../server/src/modules/registers/checkGeometry';
import { outOfRange, parseCrsName } from '../../../../server/src/modules/registers/registerCrs';
import { classifyOsmWay } from '../../../../server/src/modules/registers/osm/classifyOsmWay';
import { closeGmlElement } from '../../../../server/src/modules/registers/gmlGeometry';
import { wfsPaging } from '../../../../server/src/modules/registers/wfsPageUrl';

const frozen = <T>(value: T): T => Object.freeze(value);

describe('parseCrsName', () => {
  it('knows EPSG:25832 and EPSG:4326 in their URN, URL and short forms, latitude first only for URN/URL 4326', () => {
    expect(parseCrsName('urn:ogc:def:crs:EPSG::25832')).toEqual({ srid: 25832, latFirst: false });
    expect(parseCrsName('http://www.opengis.net/def/crs/EPSG/0/25832')).toEqual({ srid: 25832, latFirst: false });
    expect(parseCrsName('urn:ogc:def:crs:OGC:1.3:CRS84')).toEqual({ srid: 4326, latFirst: false });
    expect(parseCrsName('EPSG:4326')).toEqual({ srid: 4326, latFirst: false });
    expect(parseCrsName('urn:ogc:def:crs:EPSG::4326')).toEqual({ srid: 4326, latFirst: true });
    expect(parseCrsName('EPSG:3857')).toBeNull();
  });
});

describe('outOfRange', () => {
  it('names metres labelled as degrees, degrees labelled as metres, and swapped axes', () => {
    expect(outOfRange(700_000, 6_150_000, 25832, null)).toBeNull();
    expect(outOfRange(12.18, 55.46, 4326, 'CRS84')).toBeNull();
    expect(outOfRange(700_000, 6_150_000, 4326, 'CRS84')).toMatch(/are EPSG:25832 metres, but the declared CRS CRS84/);
    expect(outOfRange(12.18, 55.46, 25832, 'EPSG:25832')).toMatch(/are degrees, but the declared CRS EPSG:25832/);
    expect(outOfRange(55.46, 12.18, 4326, 'EPSG:4326')).toMatch(/latitude, longitude/);
  });
});

describe('checkGeometry', () => {
  const ring = frozen([
    frozen([700_000, 6_150_000, 5]),
    frozen([700_010, 6_150_000, 5]),
    frozen([700_010, 6_150_010, 5]),
    frozen([700_000, 6_150_000, 5]),
  ]);

  it('drops heights and keeps the input as it was', () => {
    const polygon = frozen({ type: 'Polygon', coordinates: frozen([ring]) });
    const checked = checkGeometry(polygon, 25832, null);
    expect(JSON.parse(checked.json).coordinates[0][0]).toEqual([700_000, 6_150_000]);
    expect(checked.dimension).toBe(2);
  });

  it('refuses open rings, short rings, short lines and unknown types', () => {
    const open = { type: 'Polygon', coordinates: [ring.slice(0, 3).concat([[700_000, 6_150_010]])] };
    expect(() => checkGeometry(open, 25832, null)).toThrow(/ring is not closed/);
    expect(() => checkGeometry({ type: 'Polygon', coordinates: [ring.slice(1)] }, 25832, null)).toThrow(
      /fewer than 4 positions/,
    );
    expect(() => checkGeometry({ type: 'LineString', coordinates: [[700_000, 6_150_000]] }, 25832, null)).toThrow(
      /fewer than 2 positions/,
    );
    expect(() => checkGeometry({ type: 'GeometryCollection', geometries: [] }, 25832, null)).toThrow(GeometryProblem);
  });

  it('accepts every Danish EPSG:25832 point and refuses it labelled as degrees (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 100_000, max: 1_000_000, noNaN: true }),
        fc.double({ min: 5_900_000, max: 6_500_000, noNaN: true }),
        (x, y) => {
          expect(checkGeometry({ type: 'Point', coordinates: [x, y] }, 25832, null).dimension).toBe(0);
          expect(() => checkGeometry({ type: 'Point', coordinates: [x, y] }, 4326, 'CRS84')).toThrow(GeometryProblem);
        },
      ),
      { seed: 16 },
    );
  });
});

describe('closeGmlElement', () => {
  it('reads a posList by its dimension, and a polygon with a hole', () => {
    const [pos] = closeGmlElement({ local: 'posList', parts: [], text: '1 2 9 3 4 9', dim: 3 });
    expect(pos).toEqual({
      k: 'positions',
      p: [
        [1, 2],
        [3, 4],
      ],
    });
    const outer = {
      k: 'exterior' as const,
      ring: [
        [0, 0],
        [4, 0],
        [4, 4],
        [0, 0],
      ],
    };
    const inner = {
      k: 'interior' as const,
      ring: [
        [1, 1],
        [2, 1],
        [2, 2],
        [1, 1],
      ],
    };
    expect(closeGmlElement({ local: 'Polygon', parts: [outer, inner], text: '', dim: 2 })).toEqual([
      { k: 'geometry', g: { type: 'Polygon', coordinates: [outer.ring, inner.ring] } },
    ]);
    expect(() => closeGmlElement({ local: 'Arc', parts: [], text: '', dim: 2 })).toThrow(/not a supported/);
  });
});

describe('classifyOsmWay', () => {
  it('puts buildings before land use, water areas before roads, and a closed road stays a road', () => {
    expect(classifyOsmWay({ building: 'yes', landuse: 'industrial' }, true)?.layer.id).toBe('osm-buildings');
    expect(classifyOsmWay({ natural: 'water' }, true)?.layer.id).toBe('osm-water');
    expect(classifyOsmWay({ natural: 'water' }, false)).toBeNull();
    expect(classifyOsmWay({ highway: 'primary', junction: 'roundabout' }, true)).toMatchObject({
      kind: 'primary',
      layer: { id: 'osm-roads', geometry_type: 'line' },
    });
    expect(classifyOsmWay({ railway: 'rail' }, false)?.layer.id).toBe('osm-railways');
    expect(classifyOsmWay({ barrier: 'fence' }, false)).toBeNull();
  });
});

describe('wfsPaging', () => {
  it('keeps the URL and sets COUNT and STARTINDEX per page, in the spelling the URL used', () => {
    const paging = wfsPaging('https://wfs.example.dk/wfs?service=WFS&typeNames=pdk:lokalplan&count=50');
    expect(paging).toMatchObject({ count: 50, startIndex: 0, typeName: 'lokalplan' });
    expect(paging.pageUrl(100)).toBe(
      'https://wfs.example.dk/wfs?service=WFS&typeNames=pdk%3Alokalplan&count=50&STARTINDEX=100',
    );
    expect(wfsPaging('https://wfs.example.dk/wfs?REQUEST=GetFeature').count).toBe(1000);
    expect(() => wfsPaging('https://wfs.example.dk/wfs?COUNT=0')).toThrow(/COUNT must be a positive whole number/);
  });
});
