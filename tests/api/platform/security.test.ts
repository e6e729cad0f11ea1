import { afterEach, describe, expect, inject, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/src/app';
import { readConfig, type SecurityOptions } from '../../../server/src/platform/config';
import { SHIPPED_TERRAIN } from '../testApp';
import { expectProblem } from '../expectProblem';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function appWith(security: Partial<SecurityOptions> = {}, trustProxy = false): Promise<FastifyInstance> {
  const engine = inject('engine');
  app = await buildApp({
    db: { connectionString: inject('databaseUrl'), engine, poolSize: engine === 'pglite' ? 1 : 2 },
    clientRoot: '/nonexistent',
    elevation: SHIPPED_TERRAIN,
    security: { ...readConfig({}).security, ...security },
    trustProxy,
  });
  return app;
}

describe('security headers (issue #8)', () => {
  it('every answer carries a CSP without inline script, nosniff and a frame policy', async () => {
    const res = await (await appWith()).inject('/api/layers');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toMatch(/worker-src 'self' blob:/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/frame-ancestors 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('sends no Strict-Transport-Security over plain http (issue #19)', async () => {
    const res = await (await appWith()).inject('/api/layers');
    expect(res.statusCode).toBe(200);
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends Strict-Transport-Security over https as the trusted proxy reports it, never on a client’s say-so', async () => {
    const proxied = await appWith({}, true);
    const https = await proxied.inject({ url: '/api/layers', headers: { 'x-forwarded-proto': 'https' } });
    expect(https.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
    const http = await proxied.inject({ url: '/api/layers', headers: { 'x-forwarded-proto': 'http' } });
    expect(http.headers['strict-transport-security']).toBeUndefined();
    await proxied.close();
    const direct = await appWith();
    const forged = await direct.inject({ url: '/api/layers', headers: { 'x-forwarded-proto': 'https' } });
    expect(forged.headers['strict-transport-security']).toBeUndefined();
  });

  it('a configured basemap origin may be fetched; no other one is', async () => {
    const a = await appWith({ extraMapOrigins: ['https://tiles.example.dk'] });
    const csp = String((await a.inject('/api/layers')).headers['content-security-policy']);
    expect(csp).toMatch(/connect-src 'self' https:\/\/tiles\.example\.dk/);
    expect(csp).toMatch(/img-src [^;]*https:\/\/tiles\.example\.dk/);
  });
});

describe('CORS (issue #8)', () => {
  it('is closed by default: another site gets no Access-Control-Allow-Origin', async () => {
    const res = await (await appWith()).inject({ url: '/api/layers', headers: { origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('opens reads to the configured origins only', async () => {
    const a = await appWith({ corsOrigins: ['https://gis.koege.dk'] });
    const allowed = await a.inject({ url: '/api/layers', headers: { origin: 'https://gis.koege.dk' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://gis.koege.dk');
    const other = await a.inject({ url: '/api/layers', headers: { origin: 'https://evil.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await a.inject({
      method: 'OPTIONS',
      url: '/api/sketches',
      headers: { origin: 'https://gis.koege.dk', 'access-control-request-method': 'POST' },
    });
    expect(String(preflight.headers['access-control-allow-methods'] ?? '')).not.toContain('POST');
  });

  it.each([
    ['CORS_ORIGINS', 'https://ok.dk, javascript:alert(1)'],
    ['CORS_ORIGINS', 'https://ok.dk/path'],
    ['MAP_ORIGINS', '*'],
    ['WRITE_RATE_LIMIT', '0'],
    ['BASEMAP_URL', 'not a url'],
    ['BASEMAP_STYLE_URL', 'ftp://example.dk/style.json'],
  ])('refuses %s=%s at start with a message naming it', (name, value) => {
    expect(() => readConfig({ [name]: value })).toThrow(new RegExp(name));
  });
});

describe('write rate limit (issue #8)', () => {
  it('answers 429 problem+json with Retry-After past the limit; reads go on', async () => {
    const a = await appWith({ writesPerMinute: 3 });
    const write = () => a.inject({ method: 'POST', url: '/api/auth/logout', remoteAddress: '10.9.0.1', payload: {} });
    for (let i = 0; i < 3; i++) expect((await write()).statusCode).not.toBe(429);
    const limited = await write();
    expectProblem(limited, 429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another client is not affected, and reads are never limited.
    const other = await a.inject({ method: 'POST', url: '/api/auth/logout', remoteAddress: '10.9.0.2', payload: {} });
    expect(other.statusCode).not.toBe(429);
    for (let i = 0; i < 5; i++) {
      expect((await a.inject({ url: '/api/policy', remoteAddress: '10.9.0.1' })).statusCode).toBe(200);
    }
  });
});
