import { SaxesParser, type SaxesTagNS } from 'saxes';
import { closeGmlElement, gmlCrs, GmlProblem, swapAxes, type GmlFrame } from './gmlGeometry';
import { RegisterImportError } from './RegisterImportError';
import type { SourceFeature, SourceSummary } from './SourceFeature';

const GML_NAMESPACES = new Set(['http://www.opengis.net/gml/3.2', 'http://www.opengis.net/gml']);
/** Elements whose children are features: WFS 2.0 `wfs:member`, GML 3.1 `gml:featureMember(s)`. */
const MEMBERS = new Set(['member', 'featureMember', 'featureMembers']);

interface OpenFeature {
  n: number;
  line: number;
  fid: string | undefined;
  typeName: string;
  depth: number;
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown } | undefined;
  srid: 4326 | 25832;
  crsName: string | null;
}

/**
 * Streams the features of a WFS 2.0 GetFeature response in GML 3.2 (or a GML 3.1 feature collection) with a SAX
 * parser: only the feature being read is held. A feature's simple child elements become properties (xsi:nil →
 * null); its GML geometry becomes GeoJSON-like coordinates, x/y order. Errors name the line.
 */
export async function* readGmlFeatures(
  chunks: AsyncIterable<string>,
  source: string,
): AsyncGenerator<SourceFeature, SourceSummary> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const ready: SourceFeature[] = [];
  const summary: SourceSummary = { features: 0 };
  const stack: SaxesTagNS[] = [];
  let feature: OpenFeature | null = null;
  /** The property element being read, its text, and whether it holds elements. */
  let property: { local: string; text: string; nil: boolean; complex: boolean } | null = null;
  let frames: GmlFrame[] = [];
  let geometryCrs: ReturnType<typeof gmlCrs> | null = null;
  let n = 0;
  const fail = (reason: string, line = parser.line): never => {
    throw new RegisterImportError(source, `line ${line}`, reason);
  };
  const attr = (tag: SaxesTagNS, local: string) => Object.values(tag.attributes).find((a) => a.local === local)?.value;

  parser.on('error', (err) => fail(`not well-formed XML (${err.message.replace(/^[^:]*:\d+:\d+: /, '')})`));
  parser.on('opentag', (tag) => {
    const depth = stack.length;
    stack.push(tag);
    if (depth === 0) {
      if (tag.local !== 'FeatureCollection') fail(`not a GML feature collection (the root element is <${tag.name}>)`);
      const matched = Number(attr(tag, 'numberMatched'));
      if (Number.isInteger(matched)) summary.numberMatched = matched;
      const next = attr(tag, 'next');
      if (next) summary.next = next;
      return;
    }
    if (!feature) {
      if (MEMBERS.has(stack[depth - 1]!.local) && depth >= 2) {
        n++;
        feature = {
          n,
          line: parser.line,
          fid: attr(tag, 'id'),
          typeName: tag.local,
          depth,
          properties: {},
          geometry: undefined,
          srid: 25832,
          crsName: null,
        };
      }
      return;
    }
    if (depth === feature.depth + 1) {
      property = { local: tag.local, text: '', nil: attr(tag, 'nil') === 'true', complex: false };
      return;
    }
    if (!property) return;
    property.complex = true;
    if (property.local === 'boundedBy' || !GML_NAMESPACES.has(tag.uri)) return;
    if (frames.length === 0) {
      if (feature.geometry) fail(`feature ${feature.n} has more than one geometry`);
      try {
        geometryCrs = gmlCrs(attr(tag, 'srsName'));
      } catch (err) {
        fail(`feature ${feature.n}: ${(err as Error).message}`);
      }
    }
    const dim = Number(attr(tag, 'srsDimension') ?? frames[frames.length - 1]?.dim ?? 2);
    frames.push({ local: tag.local, parts: [], text: '', dim: Number.isInteger(dim) && dim >= 2 ? dim : 2 });
  });
  parser.on('text', (text) => {
    if (frames.length > 0) frames[frames.length - 1]!.text += text;
    else if (property && !property.complex) property.text += text;
  });
  parser.on('closetag', () => {
    const depth = stack.length - 1;
    stack.pop();
    if (!feature) return;
    if (frames.length > 0 && depth > feature.depth + 1) {
      const frame = frames.pop()!;
      try {
        const parts = closeGmlElement(frame);
        if (frames.length > 0) frames[frames.length - 1]!.parts.push(...parts);
        else {
          const g = parts.find((p) => p.k === 'geometry');
          if (!g || g.k !== 'geometry') throw new GmlProblem(`gml:${frame.local} is not a geometry`);
          feature.geometry = geometryCrs!.latFirst ? swapAxes(g.g) : g.g;
          feature.srid = geometryCrs!.srid;
          feature.crsName = geometryCrs!.name;
        }
      } catch (err) {
        if (err instanceof GmlProblem) fail(`feature ${feature.n}: ${err.message}`);
        throw err;
      }
      return;
    }
    if (depth === feature.depth + 1 && property) {
      if (!property.complex && property.local !== 'boundedBy') {
        feature.properties[property.local] = property.nil ? null : property.text.trim();
      }
      property = null;
      return;
    }
    if (depth === feature.depth) {
      const { depth: _, ...done } = feature;
      ready.push(done);
      feature = null;
      frames = [];
    }
  });

  for await (const chunk of chunks) {
    parser.write(chunk);
    yield* ready.splice(0);
  }
  if (stack.length > 0) {
    const open = feature as OpenFeature | null;
    fail(`the file ends ${open ? `inside feature ${open.n}` : `after feature ${n}`}: it is truncated`);
  }
  parser.close();
  summary.features = n;
  return summary;
}
