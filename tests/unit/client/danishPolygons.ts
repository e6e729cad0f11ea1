import fc from 'fast-check';
import type { Polygon, Position } from 'geojson';

/** Metres per degree of latitude, near enough to place generated vertices (not to measure them). */
const M_PER_DEG_LAT = 111_320;

/**
 * Random simple polygons across Denmark (EPSG:4326, counter-clockwise, closed): star-shaped around a centre
 * between 8.1–15.1°E and 54.6–57.7°N (Jutland to Bornholm), 3–12 vertices at strictly increasing angles, radii
 * from 20 m to 5 km, so from a garden plot to an energy park. Shared by the unit and API measurement tests.
 *
 * Angle steps and radii vary by at most a factor of two, which keeps out slivers: a triangle kilometres long
 * and metres wide has so little area that the two methods' different idea of an edge (straight in EPSG:25832
 * for PostGIS, on the sphere for turf) already differs by more than 0.5 % of it. Planners' areas are not slivers.
 */
export const danishPolygon: fc.Arbitrary<Polygon> = fc
  .record({
    lon: fc.double({ min: 8.1, max: 15.1, noNaN: true }),
    lat: fc.double({ min: 54.6, max: 57.7, noNaN: true }),
    scale: fc.double({ min: 20, max: 5000, noNaN: true }),
    spokes: fc.array(
      fc.tuple(fc.double({ min: 0.5, max: 1, noNaN: true }), fc.double({ min: 0.5, max: 1, noNaN: true })),
      {
        minLength: 3,
        maxLength: 12,
      },
    ),
  })
  .map(({ lon, lat, scale, spokes }) => {
    // Angles as running sums of positive steps, scaled into one turn: strictly increasing, so the ring is simple.
    const total = spokes.reduce((sum, [step]) => sum + step, 0);
    let angle = 0;
    const ring: Position[] = spokes.map(([step, radius]) => {
      angle += (step / total) * 2 * Math.PI;
      const dx = Math.cos(angle) * radius * scale;
      const dy = Math.sin(angle) * radius * scale;
      const x = lon + dx / (M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180));
      const y = lat + dy / M_PER_DEG_LAT;
      return [Number(x.toFixed(9)), Number(y.toFixed(9))];
    });
    return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
  });
