import type { Queryable } from '../../platform/db/queryable';
import type { NewSketch } from '../sketches';
import { getActionProgress } from '../progress';
import { HttpProblem } from '../../platform/errors';
import type { Geometry } from '@shared/schemas/geojson';
import type { GeometryFault, ProposedUse } from '@shared/schemas/sketch';
import type { ImportPreview } from '@shared/schemas/sketchExchange';
import { validateSketchGeometry } from '../sketches';
import { SKETCH_GEOMETRY_TYPES } from '../sketches';
import { detectCrs } from './detectCrs';
import { importAttributes } from './importAttributes';
import type { ImportSource } from './ImportSource';
import { toWgs84 } from './toWgs84';

/** Most features one import may hold (issue #6): a planner's layer, not a register. */
export const MAX_IMPORT_FEATURES = 500;

const NO_GEOMETRY: GeometryFault = { reason: 'no geometry', location: null, repairable: false, repaired: null };

/** The geometry to show for a faulty feature: as sent (in EPSG:4326) when it has a form we draw, else null. */
function drawable(geometry: unknown): Geometry | null {
  if (geometry === null || typeof geometry !== 'object') return null;
  const g = geometry as { type?: unknown; coordinates?: unknown };
  return (SKETCH_GEOMETRY_TYPES as readonly unknown[]).includes(g.type) && Array.isArray(g.coordinates)
    ? (g as Geometry)
    : null;
}

/**
 * Settles an import's CRS (declared, else detected), brings every geometry to EPSG:4326 and checks it as a save
 * would (validateSketchGeometry), and maps the attributes. Returns the preview and, when every feature is
 * valid, the sketches to create. Writes nothing. An empty file, more than MAX_IMPORT_FEATURES features (413)
 * or an unknown action number are refused, naming the part at fault.
 */
export async function prepareImport(
  db: Queryable,
  source: ImportSource,
  defaultUse: ProposedUse,
): Promise<{ preview: ImportPreview; sketches: NewSketch[] | null }> {
  const count = source.features.length;
  if (count === 0) throw HttpProblem.badRequest('features', 'the file holds no features');
  if (count > MAX_IMPORT_FEATURES) {
    throw new HttpProblem(
      413,
      'Too many features',
      `the file holds ${count} features; at most ${MAX_IMPORT_FEATURES}`,
      [{ name: 'features', reason: `at most ${MAX_IMPORT_FEATURES} features per import` }],
    );
  }
  const { crs, reason } = source.declared ?? detectCrs(source.features);
  const attributes = source.features.map((f, i) => importAttributes(f.properties, i, defaultUse));
  for (const number of new Set(attributes.map((a) => a.action_number).filter((n): n is string => n !== null))) {
    if (!(await getActionProgress(db, number))) {
      const index = attributes.findIndex((a) => a.action_number === number);
      throw HttpProblem.badRequest(`features[${index}].properties.action_number`, `no policy action ${number}`);
    }
  }
  const features: ImportPreview['features'] = [];
  const sketches: NewSketch[] = [];
  for (const [index, feature] of source.features.entries()) {
    const properties = attributes[index]!;
    const geometry = toWgs84(feature.geometry, crs);
    if (geometry === null) {
      features.push({ index, geometry: null, properties, fault: NO_GEOMETRY });
      continue;
    }
    // Only planners import, so each fault comes with its repair where there is one.
    const checked = await validateSketchGeometry(db, geometry, { offerRepair: true });
    if (checked.ok) {
      features.push({ index, geometry: checked.geom.geometry, properties, fault: null });
      sketches.push({ geometry: checked.geom, ...properties });
    } else {
      const fault: GeometryFault = checked.complexity
        ? { reason: checked.complexity.reason, location: null, repairable: false, repaired: null }
        : checked.fault;
      features.push({ index, geometry: drawable(geometry), properties, fault });
    }
  }
  const valid = sketches.length === count;
  return {
    preview: { crs, crs_reason: reason, source_format: source.format, feature_count: count, features, valid },
    sketches: valid ? sketches : null,
  };
}
