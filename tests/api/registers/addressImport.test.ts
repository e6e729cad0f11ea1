import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import {
  importAddresses,
  type AddressImportReport,
} from '../../../server/src/modules/registers/adresser/importAddresses';
import { openAddressFile } from '../../../server/src/modules/registers/adresser/openAddressFile';
import { readAddressRecords } from '../../../server/src/modules/registers/adresser/readAddressRecords';
import { RegisterImportError } from '../../../server/src/modules/registers/RegisterImportError';
import { tableChecksums } from '../tableChecksums';
import { chunksOf, fixture, ownerClient } from './registerTestHelpers';

const CSV = fixture('adresser.format-fixture.csv');
const GEOJSON = fixture('adresser.format-fixture.geojson');

const clear = async () => {
  const client = await ownerClient();
  try {
    await client.query('DELETE FROM address');
    await client.query('DELETE FROM address_import');
  } finally {
    await client.end();
  }
};
beforeEach(clear);
afterEach(clear);

async function importWith(
  location: string,
  records: AsyncIterable<Parameters<typeof importAddresses>[0]['records'] extends AsyncIterable<infer R> ? R : never>,
): Promise<AddressImportReport> {
  const client = await ownerClient();
  try {
    return await importAddresses({ client, location, records });
  } finally {
    await client.end().catch(() => {});
  }
}
const importFile = (path: string) => importWith(path, openAddressFile(path));
const importText = (text: string, name = 'test-input.csv') =>
  importWith(name, readAddressRecords(chunksOf(text), name));

async function query<T extends object>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = await ownerClient();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** The values of one line of the fixture (quoted values have no quotes inside), quotes removed. */
const values = (line: string) =>
  [...line.matchAll(/("[^"]*"|[^,]*)(?:,|$)/g)].slice(0, -1).map((m) => m[1]!.replace(/^"|"$/g, ''));
const joinValues = (v: string[]) => v.map((x) => (x.includes(',') ? `"${x}"` : x)).join(',');

/** The fixture's CSV lines, to build broken variants of it. */
async function csvLines(): Promise<string[]> {
  return (await readFile(CSV, 'utf8')).trimEnd().split('\n');
}

describe('npm run import -- adresser', () => {
  it('imports Dataforsyningen CSV with its EPSG:25832 points, to the centimetre', async () => {
    const lines = await csvLines();
    const r = await importFile(CSV);
    expect(r).toMatchObject({ features: lines.length - 1, inserted: lines.length - 1, updated: 0, removed: 0 });
    const header = lines[0]!.split(',');
    const col = (name: string) => header.indexOf(name);
    const stored = await query<{ id: string; x: number; y: number; vejnavn: string; husnr: string }>(
      'SELECT id, ST_X(geom) AS x, ST_Y(geom) AS y, vejnavn, husnr FROM address',
    );
    for (const line of lines.slice(1)) {
      const v = values(line);
      const row = stored.find((s) => s.id === v[col('id')]);
      expect(row).toMatchObject({ vejnavn: v[col('vejnavn')], husnr: v[col('husnr')] });
      expect(row!.x).toBeCloseTo(Number(v[col('etrs89koordinat_øst')]), 2);
      expect(row!.y).toBeCloseTo(Number(v[col('etrs89koordinat_nord')]), 2);
    }
  });

  it('imports the same addresses from GeoJSON in EPSG:4326, within a metre of the CSV points', async () => {
    await importFile(CSV);
    const fromCsv = await query<{ id: string; x: number; y: number }>(
      'SELECT id, ST_X(geom) AS x, ST_Y(geom) AS y FROM address ORDER BY id',
    );
    await clear();
    const r = await importFile(GEOJSON);
    expect(r.inserted).toBe(fromCsv.length);
    const fromJson = await query<{ id: string; x: number; y: number }>(
      'SELECT id, ST_X(geom) AS x, ST_Y(geom) AS y FROM address ORDER BY id',
    );
    expect(fromJson.map((a) => a.id)).toEqual(fromCsv.map((a) => a.id));
    for (const [i, a] of fromJson.entries()) {
      expect(Math.hypot(a.x - fromCsv[i]!.x, a.y - fromCsv[i]!.y)).toBeLessThan(1);
    }
  });

  it('is idempotent: the same file again changes nothing', async () => {
    await importFile(CSV);
    const client = await ownerClient();
    const before = await tableChecksums(client, { countOnly: ['address_import'] });
    await client.end();
    const again = await importFile(CSV);
    expect(again).toMatchObject({ inserted: 0, updated: 0, removed: 0 });
    const after = await ownerClient();
    const sums = await tableChecksums(after, { countOnly: ['address_import'] });
    await after.end();
    expect({ ...sums, address_import: '' }).toEqual({ ...before, address_import: '' });
  });

  it('replaces: a renamed address is changed, one the register no longer has is removed', async () => {
    await importFile(CSV);
    const [header, first, second, ...rest] = await csvLines();
    const renamed = first!.replace(',Torvet,Torvet,', ',Torvegade,Torvegade,');
    const r = await importText([header, renamed, ...rest].join('\n'));
    expect(r).toMatchObject({ inserted: 0, updated: 1, removed: 1 });
    const names = (await query<{ vejnavn: string }>('SELECT vejnavn FROM address')).map((a) => a.vejnavn);
    expect(names).toContain('Torvegade');
    expect(names).not.toContain('Torvet');
    expect(names).not.toContain(second!.split(',')[5]);
  });

  it('is found by the search once imported', async () => {
    await importFile(CSV);
    const rows = await query<{ search_key: string }>(`SELECT search_key FROM address WHERE vejnavn = 'Ågade'`);
    expect(rows[0]!.search_key).toBe('aagade 3 4600 koege');
  });
});

describe('a broken address file is refused by line and changes nothing', () => {
  async function expectRefused(run: () => Promise<unknown>, message: RegExp) {
    await importFile(CSV); // what the refused import would have replaced
    const client = await ownerClient();
    const before = await tableChecksums(client);
    await client.end();
    const error = await run().then(
      () => null,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(RegisterImportError);
    expect((error as Error).message).toMatch(message);
    const after = await ownerClient();
    expect(await tableChecksums(after)).toEqual(before);
    await after.end();
  }
  const withRow = async (n: number, edit: (line: string) => string) => {
    const lines = await csvLines();
    lines[n] = edit(lines[n]!);
    return lines.join('\n');
  };

  it('an empty file', async () => {
    await expectRefused(() => importText(''), /^test-input\.csv: the file is empty$/);
  });

  it('a header only', async () => {
    const [header] = await csvLines();
    await expectRefused(() => importText(`${header}\n`), /has no addresses; nothing was changed/);
  });

  it('CSV without coordinate columns', async () => {
    await expectRefused(
      () => importText('id,vejnavn,husnr,postnr,postnrnavn\n0a3f50a0-1a1b-32b8-e044-0003ba298018,Torvet,1,4600,Køge\n'),
      /line 1: no coordinate columns: CSV needs etrs89koordinat_øst and etrs89koordinat_nord/,
    );
  });

  it('a GML file', async () => {
    await expectRefused(
      async () => importFile(fixture('plandata-lokalplaner.format-fixture.gml')),
      /line 1: (no coordinate columns|a quote)/,
    );
  });

  it('a row with a value too few, by its line', async () => {
    const text = await withRow(3, (l) => l.slice(0, l.lastIndexOf(',')));
    await expectRefused(() => importText(text), /line 4: 21 values where the header names 22 columns/);
  });

  it('an unclosed quote, by its line', async () => {
    const text = await withRow(2, (l) => l.replace('"Køge Bygrunde"', '"Køge Bygrunde'));
    await expectRefused(() => importText(text), /line 3: a quoted value is not closed on its line/);
  });

  it.each([
    [
      'husnr',
      (l: string) => l.replace(',12A,', ',12 A,'),
      /feature 2, line 3: field husnr "12 A" is not a house number/,
    ],
    ['id', (l: string) => l.replace(/^[^,]+/, 'not-a-uuid'), /line 3: field id "not-a-uuid" is not a UUID/],
    ['postnr', (l: string) => l.replace(',4600,', ',460,'), /line 3: field postnr "460" is not four digits/],
    [
      'vejnavn',
      (l: string) => l.replace(',Nørregade,Nørregade,', ',,Nørregade,'),
      /line 3: the required field vejnavn is missing/,
    ],
    ['point', (l: string) => l.replace('701306.44,6150357.17', ','), /line 3: has no point/],
  ])('a bad %s, by its line', async (_, edit, message) => {
    await expectRefused(async () => importText(await withRow(2, edit)), message);
  });

  it('metres in the degree columns', async () => {
    const lines = await csvLines();
    const header = lines[0]!.split(',');
    const keep = header.map((h, i) => (h.startsWith('etrs89') ? -1 : i)).filter((i) => i >= 0);
    const swapped = lines.map((l, row) => {
      const v = values(l);
      if (row > 0) {
        v[header.indexOf('wgs84koordinat_bredde')] = v[header.indexOf('etrs89koordinat_nord')]!;
        v[header.indexOf('wgs84koordinat_længde')] = v[header.indexOf('etrs89koordinat_øst')]!;
      }
      return joinValues(keep.map((i) => v[i]!));
    });
    await expectRefused(
      () => importText(swapped.join('\n')),
      /line 2: coordinates \(701195\.22, 6150296\.35\) are EPSG:25832 metres/,
    );
  });

  it('a point outside Denmark', async () => {
    const text = await withRow(1, (l) => l.replace('701195.22,6150296.35', '301195.22,5150296.35'));
    await expectRefused(() => importText(text), /line 2: coordinates \(301195\.22, 5150296\.35\) are not in Denmark/);
  });

  it('the same id twice, naming both lines', async () => {
    const lines = await csvLines();
    const id = lines[1]!.split(',')[0]!;
    lines[4] = lines[4]!.replace(/^[^,]+/, id);
    await expectRefused(
      () => importText(lines.join('\n')),
      new RegExp(`feature 1, line 2 and feature 4, line 5: both have the id ${id}`),
    );
  });

  it('many bad rows: the first ten are named, then the reading stops', async () => {
    const [header, first] = await csvLines();
    const bad = Array.from({ length: 12 }, () => first!.replace(',1,,4600,', ',x,,4600,'));
    const error = await importText([header, ...bad].join('\n')).catch((e: unknown) => e as Error);
    expect((error as Error).message.match(/is not a house number/g)).toHaveLength(10);
    expect((error as Error).message).toMatch(/line 11: .*the file was not read further; nothing was changed$/);
  });

  it('truncated GeoJSON', async () => {
    const text = await readFile(GEOJSON, 'utf8');
    await expectRefused(() => importText(text.slice(0, text.length / 2), 'cut.geojson'), /^cut\.geojson: line \d+: /);
  });

  it('GeoJSON with a polygon where an address point belongs', async () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {
            id: '0a3f50a0-1a1b-32b8-e044-0003ba298018',
            vejnavn: 'Torvet',
            husnr: '1',
            postnr: '4600',
            postnrnavn: 'Køge',
          },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [12.1, 55.4],
                [12.2, 55.4],
                [12.2, 55.5],
                [12.1, 55.4],
              ],
            ],
          },
        },
      ],
    });
    await expectRefused(() => importText(text, 'poly.geojson'), /feature 1.*: has no point/);
  });
});

describe('the command line', () => {
  const run = promisify(execFile);
  async function importCli(...args: string[]) {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: inject('ownerDatabaseUrl') };
    delete env.DATABASE_OWNER_URL;
    try {
      const { stdout, stderr } = await run(
        'node_modules/.bin/tsx',
        ['server/src/modules/registers/importCli.ts', ...args],
        { env },
      );
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('imports a file and prints what changed', async () => {
    const r = await importCli('adresser', CSV);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/read 5 addresses from .*adresser\.format-fixture\.csv in [\d.]+ s/);
    expect(r.stdout).toMatch(/address: 5 added, 0 changed, 0 removed, 0 unchanged/);
  });

  it('refuses a URL with the usage and exit code 2', async () => {
    const r = await importCli('adresser', 'https://api.dataforsyningen.dk/adgangsadresser?format=csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/adresser reads a file, not a URL/);
  });
});
