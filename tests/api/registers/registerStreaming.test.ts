import { afterEach, describe, expect, it } from 'vitest';
import { REGISTER_KINDS } from '../../../server/src/modules/registers/registerKinds';
import { readRegisterChunks } from '../../../server/src/modules/registers/readRegisterSource';
import { runImport } from '../../../server/src/modules/registers/runImport';
import { largeGeoJson } from './largeGeoJson';
import { ownerClient, removeRegisterLayers } from './registerTestHelpers';

afterEach(removeRegisterLayers);

const MB = 1_000_000;

describe('imports are streamed', () => {
  it('loads 400 MB of GeoJSON, made as it is read, with the process growing by far less than the input', async () => {
    const input = largeGeoJson(400);
    const client = await ownerClient();
    const base = process.memoryUsage();
    let peakRss = base.rss;
    let peakHeap = base.heapUsed;
    const sample = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 20);
    try {
      const report = await runImport({
        client,
        kind: REGISTER_KINDS.dagi!,
        location: 'generated.geojson',
        features: readRegisterChunks(input.stream as AsyncIterable<string>, 'generated.geojson'),
      });
      expect(report.features).toBe(input.features);
      expect(report.layers[0]).toMatchObject({ id: 'dagi-kommuner', written: input.features });
    } finally {
      clearInterval(sample);
      await client.end();
    }
    expect(input.bytes).toBeGreaterThan(400 * MB);
    // Read whole, the text alone would be 400 MB (800 MB as a JS string); streamed, a batch of features is held.
    expect((peakRss - base.rss) / MB).toBeLessThan(150);
    expect((peakHeap - base.heapUsed) / MB).toBeLessThan(100);
  });
});
