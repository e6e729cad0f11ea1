import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem } from '@shared/schemas/common';
import { HttpProblem } from '../../platform/errors';
import { parseGlyphRequest } from './glyphRange';

const GLYPH_DIR = fileURLToPath(new URL('../../../../data/glyphs/', import.meta.url));
/** Glyphs change only with a new release of the app; a day's caching spares a map most of its font requests. */
const CACHE = 'public, max-age=86400';

/**
 * `GET /glyphs/:fontstack/:range.pbf`: the label fonts as MapLibre glyph PBFs, served by the app itself so
 * the map writes its labels with no request leaving the machine (issue #16). A range the app does not ship
 * (scripts beyond Latin and punctuation) answers an empty PBF: MapLibre then leaves those characters out
 * instead of failing the label.
 */
export const glyphRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const files = new Map<string, Promise<Buffer | null>>();
  const load = (path: string) => {
    let file = files.get(path);
    if (!file) {
      file = readFile(path).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      files.set(path, file);
    }
    return file;
  };

  app.get(
    '/:fontstack/:range',
    {
      schema: {
        tags: ['map'],
        summary: 'Label glyphs (MapLibre glyph PBF) of one font and 256 code points',
        params: Type.Object({
          fontstack: Type.String({ maxLength: 200, description: 'a font name, or several joined by commas' }),
          range: Type.String({ maxLength: 16, description: '<start>-<end>.pbf, e.g. 0-255.pbf' }),
        }),
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'application/x-protobuf' }),
          400: Problem,
          404: Problem,
        },
      },
    },
    async (request, reply) => {
      const parsed = parseGlyphRequest(request.params.fontstack, request.params.range);
      if ('field' in parsed) {
        if (parsed.field === 'fontstack') throw HttpProblem.notFound(`fontstack: ${parsed.reason}`);
        throw HttpProblem.badRequest(parsed.field, parsed.reason);
      }
      const { font, range } = parsed;
      const glyphs = await load(`${GLYPH_DIR}${font}/${range.start}-${range.end}.pbf`);
      return reply
        .header('content-type', 'application/x-protobuf')
        .header('cache-control', CACHE)
        .send(glyphs ?? Buffer.alloc(0));
    },
  );
};
