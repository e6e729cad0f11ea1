import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../../server/src/platform/config';
import { formatLsn, parseLsn } from '../../../../server/src/platform/db/lsn';

const DB = 'postgres://app@db:5432/koege';

describe('DATABASE_READ_URL (issue #18)', () => {
  it('reads one or more replica URLs with the defaults of their limits', () => {
    const replicas = readConfig({
      DATABASE_URL: DB,
      DATABASE_READ_URL: ' postgres://a@r1/k , postgresql://a@r2/k',
    }).replicas;
    expect(replicas).toEqual({
      urls: ['postgres://a@r1/k', 'postgresql://a@r2/k'],
      maxLagMs: 5000,
      checkMs: 250,
      readYourWritesSeconds: 60,
    });
  });

  it('takes the limits from REPLICA_MAX_LAG_MS, REPLICA_CHECK_MS and READ_YOUR_WRITES_SECONDS', () => {
    const replicas = readConfig({
      DATABASE_URL: DB,
      DATABASE_READ_URL: 'postgres://a@r1/k',
      REPLICA_MAX_LAG_MS: '800',
      REPLICA_CHECK_MS: '100',
      READ_YOUR_WRITES_SECONDS: '30',
    }).replicas;
    expect(replicas).toMatchObject({ maxLagMs: 800, checkMs: 100, readYourWritesSeconds: 30 });
  });

  it('is off when unset or empty', () => {
    expect(readConfig({ DATABASE_URL: DB, DATABASE_READ_URL: '' }).replicas).toBeUndefined();
  });

  it.each([
    [{ DATABASE_URL: DB, DATABASE_READ_URL: 'mysql://r1/k' }, /DATABASE_READ_URL/],
    [{ DATABASE_READ_URL: 'postgres://a@r1/k' }, /needs DATABASE_URL/],
    [{ DATABASE_URL: DB, DATABASE_READ_URL: 'postgres://a@r1/k', REPLICA_MAX_LAG_MS: '5' }, /REPLICA_MAX_LAG_MS/],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });
});

describe('WAL positions', () => {
  it('orders positions as PostgreSQL does, across the 32-bit halves', () => {
    expect(parseLsn('0/FFFFFFFF')! < parseLsn('1/0')!).toBe(true);
    expect(parseLsn('16/B374D848')! > parseLsn('16/B374D847')!).toBe(true);
  });

  it('writes back the text it read', () => {
    expect(formatLsn(parseLsn('16/B374D848')!)).toBe('16/B374D848');
  });

  it.each([null, '', 'primary', '1/2/3', 'G/1', '123456789/0'])('is null for %o', (text) => {
    expect(parseLsn(text)).toBeNull();
  });
});
