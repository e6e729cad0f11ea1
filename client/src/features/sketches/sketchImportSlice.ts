import type { KoegeApi } from '../../api/KoegeApi';
import type { AppSlice } from '../../store/AppState';
import { errorMessage } from '../../store/errorMessage';
import { importContentType } from './importContentType';
import { patchOverlay, refusalOf, upsertSketch } from './sketchSliceParts';
import type { ImportPreview, PlandataUse, SketchFeature, SketchOverlay } from './SketchTypes';

/** An import in progress: the file's dry run, then "Save all" or cancel. */
export interface SketchImportState {
  fileName: string;
  proposedUse: PlandataUse;
  /** 'unsupported': not a .geojson, .json or .zip file, so it was not sent. */
  status: 'checking' | 'ready' | 'error' | 'unsupported';
  preview: ImportPreview | null;
  /** The server's message about a bad file (or a refused commit); nothing was saved. */
  error: string | null;
}

export interface SketchImportSlice {
  sketchImport: SketchImportState | null;
  /** Sends the file as a dry run; the preview's features go to the map (sketchOverlay.imported). */
  previewSketchImport(file: { name: string; data: Blob }, proposedUse: PlandataUse): Promise<void>;
  /** "Save all": the same file without the dry run, all or nothing. */
  commitSketchImport(): Promise<boolean>;
  cancelSketchImport(): void;
}

/** Sketches from a file (GeoJSON or a zipped Shapefile, issue #6): a dry run shown on the map, then all or nothing. */
export function createSketchImportSlice({ api }: { api: KoegeApi }): AppSlice<SketchImportSlice> {
  return (set, get) => {
    // The import's file stays out of the state (the store holds serialisable data only) until "Save all".
    let pendingUpload: { data: Blob; contentType: string; proposedUse: PlandataUse } | null = null;
    const overlay = (patch: Partial<SketchOverlay>) => patchOverlay(set, get, patch);
    const upsert = (sketch: SketchFeature) => upsertSketch(set, get, sketch);
    const refused = (error: unknown) => refusalOf(get, error);

    return {
      sketchImport: null,
      async previewSketchImport(file, proposedUse) {
        const { csrfToken } = get();
        const contentType = importContentType(file.name);
        pendingUpload = null;
        overlay({ imported: null });
        if (csrfToken === null) return;
        if (contentType === null) {
          set({
            sketchImport: { fileName: file.name, proposedUse, status: 'unsupported', preview: null, error: null },
          });
          return;
        }
        const upload = { data: file.data, contentType, proposedUse };
        set({
          sketchImport: { fileName: file.name, proposedUse, status: 'checking', preview: null, error: null },
          sketchNotice: null,
        });
        try {
          const preview = await api.previewSketchImport(upload, csrfToken);
          if (get().sketchImport?.fileName !== file.name) return;
          pendingUpload = upload;
          set({ sketchImport: { fileName: file.name, proposedUse, status: 'ready', preview, error: null } });
          overlay({
            imported: {
              type: 'FeatureCollection',
              // A feature the file gave no readable geometry is listed with its fault, but has nothing to draw.
              features: preview.features.flatMap(({ index, geometry, properties, fault }) =>
                geometry === null
                  ? []
                  : [
                      {
                        type: 'Feature' as const,
                        id: index,
                        geometry,
                        properties: { index, title: properties.title, faulty: fault !== null },
                      },
                    ],
              ),
            },
          });
        } catch (error) {
          const problem = refused(error);
          if (get().sketchImport?.fileName !== file.name) return;
          set({
            sketchImport: {
              fileName: file.name,
              proposedUse,
              status: 'error',
              preview: null,
              error: problem.kind === 'fault' ? problem.fault.reason : errorMessage(error),
            },
          });
        }
      },
      async commitSketchImport() {
        const { sketchImport: current, csrfToken } = get();
        if (current === null || current.preview === null || pendingUpload === null || csrfToken === null) return false;
        set({ sketchBusy: 'importing', sketchProblem: null, sketchNotice: null });
        try {
          const { created } = await api.importSketches(pendingUpload, csrfToken);
          for (const sketch of created) upsert(sketch);
          pendingUpload = null;
          set({ sketchBusy: null, sketchImport: null, sketchNotice: { kind: 'imported', count: created.length } });
          overlay({ imported: null });
          return true;
        } catch (error) {
          refused(error);
          set({ sketchBusy: null, sketchImport: { ...current, error: errorMessage(error) } });
          return false;
        }
      },
      cancelSketchImport() {
        pendingUpload = null;
        set({ sketchImport: null });
        overlay({ imported: null });
      },
    };
  };
}
