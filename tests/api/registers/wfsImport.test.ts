import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REGISTER_KINDS } from '../../../server/src/modules/registers/registerKinds';
import { RegisterImportError } from '../../../server/src/modules/registers/RegisterImportError';
import { runImport } from '../../../server/src/modules/registers/runImport';
import { openWfsSource } from '../../../server/src/modules/registers/wfsSource';
import { startMapserverWfs, type MapserverWfs } from './mapserverWfs';
import { ownerClient, removeRegisterLayers } from './registerTestHelpers';

let wfs: MapserverWfs | null = null;
let spool: string;
beforeEach(async () => {
  spool = await mkdtemp(join(tmpdir(), 'koege-spool-'));
});
afterEach(async () => {
  await wfs?.close();
  wfs = null;
  await rm(spool, { recursive: true, force: true });
  await removeRegisterLayers();
});

/** `npm run import -- plandata <url>`, as the command runs it, with the log lines collected. */
async function importUrl(url: string, restart = false) {
  const lines: string[] = [];
  const source = await openWfsSource({ url, restart, log: (m) => lines.push(m), root: spool });
  const client = await ownerClient();
  try {
    const report = await runImport({
      client,
      kind: REGISTER_KINDS.plandata!,
      location: url,
      features: source.features,
    });
    await source.done();
    return { report, lines };
  } finally {
    await client.end();
  }
}

const startIndexes = (requests: string[]) => requests.map((q) => new URLSearchParams(q).get('STARTINDEX'));

const lokalplanCount = async () => {
  const client = await ownerClient();
  try {
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM site WHERE layer_id = 'plandata-lokalplaner'",
    );
    return rows[0]!.n;
  } finally {
    await client.end();
  }
};

describe('npm run import -- plandata <WFS URL> (MapServer on loopback)', () => {
  it('pages through GML 3.2 by the next links, with a progress line per page', async () => {
    wfs = await startMapserverWfs();
    const { report, lines } = await importUrl(`${wfs.url}&COUNT=10`);
    expect(report.layers).toEqual([{ id: 'plandata-lokalplaner', features: 25, written: 25, removed: 0, repaired: 0 }]);
    expect(startIndexes(wfs.requests)).toEqual(['0', '10', '20']);
    expect(lines).toEqual([
      'page 1: 10 features (10 downloaded)',
      'page 2: 10 features (20 downloaded)',
      'page 3: 5 features (25 of 25 downloaded)',
    ]);
    expect(await readdir(spool)).toEqual([]);
  });

  it('pages through GeoJSON by count and startIndex, telling the feature type from the URL', async () => {
    wfs = await startMapserverWfs();
    const { report, lines } = await importUrl(`${wfs.url}&OUTPUTFORMAT=geojson&COUNT=12`);
    expect(report.layers[0]).toMatchObject({ id: 'plandata-lokalplaner', written: 25 });
    expect(startIndexes(wfs.requests)).toEqual(['0', '12', '24']);
    // MapServer tells numberMatched only on the last page.
    expect(lines).toEqual([
      'page 1: 12 features (12 downloaded)',
      'page 2: 12 features (24 downloaded)',
      'page 3: 1 features (25 of 25 downloaded)',
    ]);
  });

  it('resumes after a download that broke off: the same command continues after the pages it has', async () => {
    wfs = await startMapserverWfs({ breakAt: [3] });
    const url = `${wfs.url}&COUNT=10`;
    const failed = await importUrl(url).then(
      () => null,
      (err: unknown) => err,
    );
    expect(failed).toBeInstanceOf(RegisterImportError);
    expect((failed as Error).message).toMatch(/STARTINDEX=20: the download broke off/);
    expect(await lokalplanCount()).toBe(0);

    const { report, lines } = await importUrl(url);
    expect(report.features).toBe(25);
    expect(lines[0]).toBe('resuming: 2 pages (20 features) already downloaded');
    expect(startIndexes(wfs.requests)).toEqual(['0', '10', '20', '20']);
    expect(await lokalplanCount()).toBe(25);
  });

  it('starts at the first page again with restart', async () => {
    wfs = await startMapserverWfs({ breakAt: [2] });
    const url = `${wfs.url}&COUNT=10`;
    await expect(importUrl(url)).rejects.toThrow(/download broke off/);
    await importUrl(url, true);
    expect(startIndexes(wfs.requests)).toEqual(['0', '10', '0', '10', '20']);
  });

  it('names the URL when the server answers with an exception instead of features', async () => {
    wfs = await startMapserverWfs();
    const url = wfs.url.replace('theme_pdk_lokalplan_vedtaget_v', 'no_such_type');
    await expect(importUrl(url)).rejects.toThrow(
      /^http:\/\/127\.0\.0\.1:\d+\/wfs\?.*no_such_type.*: line \d+: not a GML feature collection \(the root element is <ows:ExceptionReport>\)$/,
    );
  });
});
