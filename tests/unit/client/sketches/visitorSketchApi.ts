import { ApiError } from '../../../../client/src/api/ApiError';
import type { KoegeApi } from '../../../../client/src/api/KoegeApi';

export type SketchMethods =
  | 'getSketches'
  | 'getSketch'
  | 'createSketch'
  | 'updateSketch'
  | 'getSketchVersions'
  | 'getSketchVersion'
  | 'restoreSketch'
  | 'deleteSketch'
  | 'undeleteSketch'
  | 'checkConstraints'
  | 'getSketchConstraints'
  | 'compareSketches'
  | 'previewSketchImport'
  | 'importSketches';

const refused = async (): Promise<never> => {
  throw new ApiError({ status: 401, title: 'Unauthorized' });
};

const notFound = async (): Promise<never> => {
  throw new ApiError({ status: 404, title: 'Not Found' });
};

/** The sketch part of a fake API edge for tests that do not exercise it: no sketches, and a visitor's refusals. */
export function visitorSketchApi(): Pick<KoegeApi, SketchMethods> {
  return {
    getSketches: async () => ({ type: 'FeatureCollection', features: [] }),
    getSketch: notFound,
    createSketch: refused,
    updateSketch: refused,
    getSketchVersions: notFound,
    getSketchVersion: notFound,
    restoreSketch: refused,
    deleteSketch: refused,
    undeleteSketch: refused,
    checkConstraints: async () => ({
      geometry_area_m2: null,
      geometry_length_m: null,
      checked_at: '2026-01-01T00:00:00Z',
      items: [],
    }),
    getSketchConstraints: notFound,
    compareSketches: notFound,
    previewSketchImport: refused,
    importSketches: refused,
  };
}
