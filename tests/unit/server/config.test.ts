import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../server/src/config';

describe('readConfig', () => {
  it('defaults to the embedded engine on port 3000', () => {
    expect(readConfig({})).toEqual({
      port: 3000,
      host: 'localhost',
      databaseUrl: undefined,
      dataDir: '.data',
      poolSize: 10,
      logLevel: 'info',
    });
  });

  it('reads every setting', () => {
    const c = readConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u@db/x',
      DATA_DIR: '/var/lib/k',
      PG_POOL_SIZE: '4',
      LOG_LEVEL: 'warn',
    });
    expect(c).toEqual({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://u@db/x',
      dataDir: '/var/lib/k',
      poolSize: 4,
      logLevel: 'warn',
    });
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ PG_POOL_SIZE: '0' }, /PG_POOL_SIZE/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  ])('rejects %o with a message naming the variable', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });
});
