import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { fixture, ownerClient, removeRegisterLayers } from './registerTestHelpers';

afterEach(removeRegisterLayers);

const run = promisify(execFile);

/** `npm run import -- …` as a user runs it, on the test database (DATABASE_URL as the owner). */
async function importCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: inject('ownerDatabaseUrl') };
  delete env.DATABASE_OWNER_URL;
  try {
    const { stdout, stderr } = await run(
      'node_modules/.bin/tsx',
      ['server/src/modules/registers/importCli.ts', ...args],
      {
        env,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const siteCount = async (layer: string, table: 'site' | 'osm_feature' = 'site') => {
  const client = await ownerClient();
  try {
    // The table name is one of two constants.
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE layer_id = $1`, [
      layer,
    ]);
    return rows[0]!.n;
  } finally {
    await client.end();
  }
};

describe('npm run import (the command line)', () => {
  it('imports a file and prints the counts in a few readable lines', async () => {
    const r = await importCli('dagi', fixture('koege_area_postnumre.geojson'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/read 33 features from .*koege_area_postnumre\.geojson in [\d.]+ s/);
    expect(r.stdout).toMatch(/dagi-postnumre: 31 written \(2 parts merged\), 0 removed, 0 repaired/);
    expect(await siteCount('dagi-postnumre')).toBe(31);
  });

  it('refuses a broken file with one line naming it, and exit code 1', async () => {
    const r = await importCli('dagi', fixture('plandata-lokalplaner.format-fixture.gml'));
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^\[køge\] import failed: .*plandata-lokalplaner\.format-fixture\.gml: feature 1 \(id theme_pdk_lokalplan_vedtaget_v\.1088\), line 9: is neither a municipality/,
      ),
    ]);
    expect(await siteCount('dagi-kommuner')).toBe(0);
  });

  it('refuses unknown kinds and a missing argument with the usage and exit code 2, before opening anything', async () => {
    const r = await importCli('cadastre', 'x.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown kind "cadastre"[\s\S]*usage: npm run import -- <kind> <file or URL>/);
    expect((await importCli('dagi')).code).toBe(2);
  });

  it('imports an OSM file and says which ways it left out', async () => {
    const r = await importCli('osm', fixture('koege.format-fixture.osm'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/osm-roads: 4 written, 0 removed, 0 repaired/);
    expect(r.stdout).toMatch(/skipped 1 ways of no drawn class and 1 with nodes or ways outside the file/);
    expect(await siteCount('osm-roads', 'osm_feature')).toBe(4);
  });

  it('names a file that does not exist', async () => {
    const r = await importCli('dagi', '/nonexistent/kommuner.geojson');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/import failed: \/nonexistent\/kommuner\.geojson: no such file/);
  });
});
