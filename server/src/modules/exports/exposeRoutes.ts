import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem, Slug } from '@shared/schemas/common';
import { HttpProblem } from '../../platform/errors';
import { getSite } from '../sites';
import { findPlots } from '../plots';
import { exposePdf } from './exposePdf';
import { siteFloodReport } from '../flood';

/** `GET /api/plots/:id/expose.pdf` (issue #4): the plot's exposé as an A4 vector PDF to download. */
export const exposeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/plots/:id/expose.pdf',
    {
      config: { budget: 'export' },
      schema: {
        tags: ['map'],
        summary: 'A plot’s exposé as an A4 PDF (vector outline in EPSG:25832, key figures, tender, policy actions)',
        params: Type.Object({ id: Slug }),
        querystring: Type.Object(
          { lang: Type.Optional(Type.Union([Type.Literal('da'), Type.Literal('en')])) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'application/pdf' }),
          400: Problem,
          404: Problem,
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const site = await getSite(request.reads, id);
      if (!site || site.kind !== 'plot') throw HttpProblem.notFound(`No plot "${id}"`);
      const plot =
        (await findPlots(request.reads, { sort: 'area', descending: false })).find((p) => p.id === id) ?? null;
      // Without flood figures (terrain file unreadable, say) the exposé still prints, saying they are missing.
      const flood = await siteFloodReport({
        reads: (visibleFrom) => request.readsAfter(visibleFrom),
        flood: app.flood,
        site,
      }).catch((err: unknown) => {
        request.log.warn({ err, site: id }, 'exposé without flood figures');
        return null;
      });
      const pdf = await exposePdf({ site, plot, flood, lang: request.query.lang ?? 'da' });
      // The id is a slug (ASCII); the accented name goes in filename* (RFC 5987) for clients that read it.
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="koege-ekspose-${id}.pdf"; filename*=UTF-8''koege-ekspos%C3%A9-${id}.pdf`,
        )
        .send(pdf);
    },
  );
};
