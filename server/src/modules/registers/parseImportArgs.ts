import { osmKind } from './osm/osmKind';
import { REGISTER_KINDS, type RegisterKind } from './registerKinds';

/** The address register (issue #21): not a layer's features, so a kind apart from REGISTER_KINDS. */
export const ADDRESS_KIND = 'adresser';

export const IMPORT_USAGE = [
  'usage: npm run import -- <kind> <file or URL> [--restart]',
  `  kinds: ${[...Object.keys(REGISTER_KINDS), osmKind.id, ADDRESS_KIND].sort().join(', ')}`,
  '  a file: GeoJSON (FeatureCollection) or GML 3.2 (WFS 2.0 GetFeature response); for osm, .osm XML or .osm.pbf;',
  '  for adresser, adgangsadresser from Dataforsyningen as CSV or GeoJSON (EPSG:25832 or EPSG:4326)',
  '  a URL: a WFS GetFeature request, paged with count/startIndex or next links; --restart drops pages downloaded',
  '  by an earlier run that stopped, instead of continuing from them',
].join('\n');

export type ParsedImportArgs =
  | { ok: true; kind: RegisterKind | typeof osmKind | typeof ADDRESS_KIND; location: string; restart: boolean }
  | { ok: false; error: string };

/** Checks `npm run import`'s arguments before anything is opened. */
export function parseImportArgs(args: string[]): ParsedImportArgs {
  const restart = args.includes('--restart');
  const rest = args.filter((a) => a !== '--restart');
  const unknown = rest.find((a) => a.startsWith('--'));
  if (unknown) return { ok: false, error: `unknown option ${unknown}` };
  if (rest.length !== 2) return { ok: false, error: 'give a kind and one file or URL' };
  const [kindName, location] = rest as [string, string];
  const kind =
    kindName === ADDRESS_KIND
      ? ADDRESS_KIND
      : kindName === osmKind.id
        ? osmKind
        : Object.hasOwn(REGISTER_KINDS, kindName)
          ? REGISTER_KINDS[kindName]
          : undefined;
  if (!kind) return { ok: false, error: `unknown kind "${kindName}"` };
  if ((kind === osmKind || kind === ADDRESS_KIND) && /^https?:\/\//i.test(location)) {
    return { ok: false, error: `${kind === ADDRESS_KIND ? ADDRESS_KIND : osmKind.id} reads a file, not a URL` };
  }
  return { ok: true, kind, location, restart };
}
