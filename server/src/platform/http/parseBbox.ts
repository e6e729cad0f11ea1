import type { Bbox } from '@shared/schemas/geojson';
import { HttpProblem } from '../errors';

/**
 * Parses `west,south,east,north` in EPSG:4326 degrees. Rejects non-numbers, out-of-range values,
 * inverted boxes and UTM metres sent as degrees, naming the `bbox` parameter.
 */
export function parseBbox(text: string): Bbox {
  const parts = text.split(',').map((p) => p.trim());
  const numbers = parts.map((p) => (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(p) ? Number(p) : Number.NaN));
  if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n))) {
    throw HttpProblem.badRequest('bbox', 'must be four numbers: west,south,east,north (EPSG:4326 degrees)');
  }
  const [west, south, east, north] = numbers as Bbox;
  if ([west, east].some((x) => x < -180 || x > 180) || [south, north].some((y) => y < -90 || y > 90)) {
    throw HttpProblem.badRequest(
      'bbox',
      'longitudes must lie in [-180, 180] and latitudes in [-90, 90] (degrees, not metres)',
    );
  }
  if (west >= east || south >= north) {
    throw HttpProblem.badRequest('bbox', 'west must be less than east and south less than north');
  }
  return [west, south, east, north];
}
