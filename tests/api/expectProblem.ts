import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';

/** Asserts an RFC 9457 problem+json answer with `status`, naming `param` when given. */
export function expectProblem(res: LightMyRequestResponse, status: number, param?: string) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json<{ status: number; title: string; 'invalid-params'?: { name: string }[] }>();
  expect(body.status).toBe(status);
  expect(body.title).toBeTruthy();
  expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/); // no stack trace
  if (param) expect(body['invalid-params']?.map((p) => p.name)).toContain(param);
  return body;
}
