import { FieldProblem } from '../registerFields';
import type { RegisterKind } from '../registerKinds';
import { classifyOsmWay } from './classifyOsmWay';

/** OpenStreetMap ways → roads (by class, with name and ref), railways, waterways, water, land use and buildings. */
export const osmKind: RegisterKind = {
  id: 'osm',
  publisher: 'OpenStreetMap contributors',
  licence: '© OpenStreetMap contributors, ODbL 1.0 (https://www.openstreetmap.org/copyright)',
  mergesParts: false,
  map(f) {
    const tags = f.properties as Record<string, string>;
    const id = /^way\/(\d+)$/.exec(f.fid ?? '')?.[1];
    if (!id) throw new FieldProblem('is not an OSM way');
    const closed = (f.geometry as { type?: string } | null)?.type === 'Polygon';
    const cls = classifyOsmWay(tags, closed);
    if (!cls) throw new FieldProblem('is a way of no class the map draws');
    return {
      layer: cls.layer,
      id: `${cls.layer.sitePrefix}-${id}`,
      name: tags.name ?? tags.ref ?? cls.kind,
      kind: cls.kind,
      attributes: {
        osm_id: Number(id),
        class: cls.kind,
        name: tags.name ?? null,
        ref: tags.ref ?? null,
        // What the map writes along a road or water: its name, else its number; '' writes nothing (no class names).
        label: tags.name ?? tags.ref ?? '',
      },
    };
  },
};
