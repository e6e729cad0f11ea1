import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';

/** OpenAPI 3 generated from the routes' TypeBox schemas: JSON at /docs/json, the UI at /docs. */
export const docsPlugin = fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'Køge Erhvervskort API',
          description:
            'Business land, energy sites and policy of Køge Kommune. Geometry is GeoJSON in EPSG:4326; areas and lengths are computed in EPSG:25832.',
          version: '0.1.0',
        },
        tags: [{ name: 'map' }, { name: 'policy' }, { name: 'health' }],
      },
    });
    await app.register(swaggerUi, { routePrefix: '/docs' });
  },
  { name: 'docs' },
);
