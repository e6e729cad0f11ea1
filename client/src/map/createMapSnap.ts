import type { Map as MapLibreMap, VectorTileSource } from 'maplibre-gl';
import type { SnapToCustom, TerraDrawMouseEvent } from 'terra-draw';
import { geometryVertices } from '../features/sketches/geometryVertices';
import { isTileClipVertex } from '../features/sketches/isTileClipVertex';
import { nearestVertex, type ScreenVertex } from '../features/sketches/nearestVertex';
import { API_TILE_BUFFER, API_TILE_EXTENT } from './apiTiles';
import { roundCoordinate as round } from './createSketchTerraDraw';
import { isApiSourceId, SKETCH_IMPORT_SOURCE_ID, SKETCH_PREVIEW_SOURCE_ID, SKETCHES_SOURCE_ID } from './ids';
import { SNAP_DISTANCE_PX } from './snapDistance';

/**
 * Snapping to what the map shows (terra-draw's toCustom): the nearest vertex, within SNAP_DISTANCE_PX, of the
 * API layers' features (plots, plan areas, energy zones …) and of the other sketches near the cursor. Tile
 * geometry is quantised to the tile grid (a few centimetres at the zooms one draws at), and the points where a
 * tile cut a feature are left out.
 */
export function createMapSnap({ map, enabled }: { map: MapLibreMap; enabled: () => boolean }): SnapToCustom {
  return (event: TerraDrawMouseEvent) => {
    if (!enabled()) return undefined;
    const { containerX: x, containerY: y } = event;
    const r = SNAP_DISTANCE_PX;
    const features = map.queryRenderedFeatures([
      [x - r, y - r],
      [x + r, y + r],
    ]);
    const vertices: ScreenVertex[] = [];
    for (const feature of features) {
      if (!isSnapSource(feature.source)) continue;
      const tileZoom = tileZoomOf(map, feature.source);
      for (const position of geometryVertices(feature.geometry)) {
        if (
          tileZoom !== null &&
          isTileClipVertex({ position, tileZoom, extent: API_TILE_EXTENT, buffer: API_TILE_BUFFER })
        ) {
          continue;
        }
        const point = map.project(position as [number, number]);
        vertices.push({ x: point.x, y: point.y, position });
      }
    }
    const nearest = nearestVertex({ cursor: { x, y }, vertices, maxDistancePx: r });
    return nearest === null ? undefined : [round(nearest.position[0]!), round(nearest.position[1]!)];
  };
}

/** The zoom of the tiles a vector source shows now (floor of the map's, within the source's range); null for GeoJSON. */
function tileZoomOf(map: MapLibreMap, sourceId: string): number | null {
  const source = map.getSource(sourceId);
  if (source?.type !== 'vector') return null;
  const { minzoom, maxzoom } = source as VectorTileSource;
  return Math.max(minzoom, Math.min(maxzoom, Math.floor(map.getZoom())));
}

/** Sources whose vertices the draft snaps to: the API layers' and the sketch overlays of shapes. */
function isSnapSource(source: string): boolean {
  return (
    isApiSourceId(source) ||
    source === SKETCHES_SOURCE_ID ||
    source === SKETCH_PREVIEW_SOURCE_ID ||
    source === SKETCH_IMPORT_SOURCE_ID
  );
}
