import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { SketchFeature } from '@shared/schemas/sketch';
import { authHeaders, type Session } from './workflowFixtures';

/** A closed square ring around (lon, lat), `half` degrees each way, counterclockwise (RFC 7946). */
export const square = (lon: number, lat: number, half = 0.001) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lon - half, lat - half],
      [lon + half, lat - half],
      [lon + half, lat + half],
      [lon - half, lat + half],
      [lon - half, lat - half],
    ],
  ],
});

/** A title no other test (or earlier run) uses. */
export const uniqueTitle = (prefix: string) => `${prefix} ${randomBytes(4).toString('hex')}`;

/** An empty field west of Køge, away from every seeded plot, nature area, dike and flood extent. */
export const QUIET_FIELD = { lon: 12.085, lat: 55.485 };

/** Saves a sketch through the API as `session`'s planner and returns the feature. */
export async function createSketch(
  app: FastifyInstance,
  session: Session,
  body: Record<string, unknown>,
): Promise<SketchFeature> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/sketches',
    headers: authHeaders(session),
    payload: { title: uniqueTitle('Skitse'), proposed_use: '31', ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<SketchFeature>();
}
