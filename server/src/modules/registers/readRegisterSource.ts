import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { readGeoJsonFeatures } from './readGeoJsonFeatures';
import { readGmlFeatures } from './readGmlFeatures';
import { peekFirstCharacter } from './peekFirstCharacter';
import { RegisterImportError } from './RegisterImportError';
import type { SourceFeature, SourceSummary } from './SourceFeature';

/**
 * Picks the reader by the first character that is not white space: `{` GeoJSON, `<` GML (XML). An empty source and
 * anything else are refused by name. Only the chunks before that character are held.
 */
export async function* readRegisterChunks(
  chunks: AsyncIterable<string>,
  source: string,
): AsyncGenerator<SourceFeature, SourceSummary> {
  const { first, chunks: all } = await peekFirstCharacter(chunks, source);
  if (first === '{') return yield* readGeoJsonFeatures(all, source);
  if (first === '<') return yield* readGmlFeatures(all, source);
  throw new RegisterImportError(
    source,
    'line 1',
    `neither GeoJSON nor GML: it starts with "${first}" (a register file is a GeoJSON FeatureCollection or a WFS GML response)`,
  );
}

/** A register file, streamed as UTF-8 text in 256 KiB chunks; messages name it as `name` (a page's URL). */
export async function* readRegisterFile(path: string, name = path): AsyncGenerator<SourceFeature, SourceSummary> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new RegisterImportError(name, null, 'no such file');
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  try {
    return yield* readRegisterChunks(stream as AsyncIterable<string>, name);
  } finally {
    stream.destroy();
  }
}
