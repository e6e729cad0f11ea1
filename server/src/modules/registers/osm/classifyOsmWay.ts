import type { RegisterLayer } from '../registerLayers';
import { OSM_LAYERS } from './osmLayers';

export interface OsmWayClass {
  layer: RegisterLayer;
  /** The class within the layer: the highway, railway, waterway, landuse or building value, or "water". */
  kind: string;
}

const ROADS = new Set([
  'motorway',
  'motorway_link',
  'trunk',
  'trunk_link',
  'primary',
  'primary_link',
  'secondary',
  'secondary_link',
  'tertiary',
  'tertiary_link',
  'unclassified',
  'residential',
  'living_street',
  'service',
  'pedestrian',
  'track',
  'cycleway',
  'footway',
  'path',
]);
const RAILWAYS = new Set(['rail', 'light_rail', 'subway', 'tram', 'narrow_gauge']);
const WATERWAYS = new Set(['river', 'stream', 'canal', 'ditch', 'drain']);

/**
 * Which layer an OSM way belongs to by its tags, or null for a way the map does not draw. Closed ways tagged as
 * areas (building, water, landuse) are polygons; roads, railways and waterways are lines, open or closed (a
 * roundabout). Buildings win over everything, then water, land use, roads, railways and waterways.
 */
export function classifyOsmWay(tags: Readonly<Record<string, string>>, closed: boolean): OsmWayClass | null {
  if (closed && tags.building && tags.building !== 'no') return { layer: OSM_LAYERS.buildings, kind: tags.building };
  const water =
    tags.natural === 'water' ||
    tags.water !== undefined ||
    tags.waterway === 'riverbank' ||
    tags.landuse === 'reservoir';
  if (closed && water && tags.area !== 'no') return { layer: OSM_LAYERS.water, kind: 'water' };
  if (closed && tags.landuse) return { layer: OSM_LAYERS.landuse, kind: tags.landuse };
  if (tags.highway && ROADS.has(tags.highway) && tags.area !== 'yes')
    return { layer: OSM_LAYERS.roads, kind: tags.highway };
  if (tags.railway && RAILWAYS.has(tags.railway)) return { layer: OSM_LAYERS.railways, kind: tags.railway };
  if (tags.waterway && WATERWAYS.has(tags.waterway)) return { layer: OSM_LAYERS.waterways, kind: tags.waterway };
  return null;
}
