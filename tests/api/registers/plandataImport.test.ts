import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { PlotList } from '@shared/schemas/plot';
import type { SiteDetail } from '@shared/schemas/site';
import { expectProblem } from '../expectProblem';
import { testApp } from '../testApp';
import { collection, fixture, importFile, importText, removeRegisterLayers, square } from './registerTestHelpers';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());
afterEach(removeRegisterLayers);

const LOKALPLANER = fixture('plandata-lokalplaner.format-fixture.gml');
const RAMMER = fixture('plandata-kommuneplanrammer.format-fixture.geojson');
const site = async (id: string) => (await app.inject(`/api/sites/${id}`)).json<SiteDetail>();
const plotIds = async (query: string) =>
  (await app.inject(`/api/plots?${query}`))
    .json<PlotList>()
    .plots.map((p) => p.id)
    .sort();

const PLAN = {
  planid: '1300001',
  plannavn: 'Testplan',
  plannr: '1300',
  komnr: '259',
  status: 'V',
  anvgen: '31',
};

describe('npm run import -- plandata', () => {
  it('reads lokalplaner from a WFS 2.0 GML 3.2 response: fields, nil values, MultiSurface with a hole', async () => {
    const report = await importFile('plandata', LOKALPLANER);
    expect(report.layers).toEqual([{ id: 'plandata-lokalplaner', features: 3, written: 3, removed: 0, repaired: 0 }]);
    const lp = await site('lokalplan-1110001');
    expect(lp).toMatchObject({
      layer: 'plandata-lokalplaner',
      kind: 'lokalplan',
      name: '1110 Udvidelse af STC III syd for Egedesvej',
      accuracy: 'official',
      source: 'Plandata.dk, Erhvervsstyrelsen',
    });
    expect(lp.attributes).toMatchObject({
      planid: 1110001,
      plannr: '1110',
      komnr: 259,
      status: 'V',
      anvgen: '31',
      bebygpct: 50,
      maxetager: 4,
      maxbygnhjd: 20,
      datovedt: '2023-02-28',
      doklink: 'https://dokument.plandata.dk/20_1110001_FORMAT_FIXTURE.pdf',
    });
    // 2050 × 480 m less a 50 × 50 m hole.
    expect(lp.area_m2).toBeCloseTo(2050 * 480 - 50 * 50, 3);
    expect((await site('lokalplan-1201001')).attributes).toMatchObject({ status: 'F', datovedt: null });
  });

  it('reads kommuneplanrammer from WFS GeoJSON (GeoServer: crs after the features, type in the id)', async () => {
    const report = await importFile('plandata', RAMMER);
    expect(report.layers).toEqual([
      { id: 'plandata-kommuneplanrammer', features: 2, written: 2, removed: 0, repaired: 0 },
    ]);
    const ramme = await site('kpramme-5531001');
    expect(ramme).toMatchObject({ kind: 'kommuneplanramme', name: '4.E.1 Erhvervsområde Køge Nord' });
    expect(ramme.attributes).toMatchObject({ anvgen: '31', maxbygnhjd: 40, datovedt: '2021-10-26' });
    expect((await site('kpramme-5532001')).attributes).toMatchObject({ anvgen: '51', bebygpct: null });
  });

  it('shows on a plot the plans that cover it, lokalplan first, with its link', async () => {
    expect((await site('kn-01')).plans).toEqual([]);
    await importFile('plandata', LOKALPLANER);
    await importFile('plandata', RAMMER);
    const kn01 = await site('kn-01');
    expect(kn01.plans.map((p) => [p.id, p.kind, p.plannr, p.status, p.anvgen])).toEqual([
      ['lokalplan-1088001', 'lokalplan', '1088', 'V', '31'],
      ['kpramme-5531001', 'kommuneplanramme', '4.E.1', 'V', '31'],
    ]);
    expect(kn01.plans[0]).toMatchObject({
      plannavn: 'Erhvervsområde nord for Egedesvej',
      doklink: 'https://dokument.plandata.dk/20_1088001_FORMAT_FIXTURE.pdf',
    });
    // The lokalplan covers the whole plot.
    expect(kn01.plans[0]!.overlap_m2).toBeCloseTo(kn01.area_m2!, 0);
    const kn06 = await site('kn-06');
    expect(kn06.plans[0]).toMatchObject({ id: 'lokalplan-1201001', status: 'F', anvgen: '21' });
  });

  it('filters the plot finder by the general use of a covering plan (anvgen)', async () => {
    expect(await plotIds('anvgen=31')).toEqual([]);
    await importFile('plandata', LOKALPLANER);
    expect(await plotIds('anvgen=21')).toEqual(['kn-06', 'kn-07', 'kn-08', 'kn-09', 'kn-10']);
    expect(await plotIds('anvgen=31')).toHaveLength(11);
    await importFile('plandata', RAMMER);
    expect(await plotIds('anvgen=31')).toHaveLength(16);
    expect(await plotIds('anvgen=51')).toEqual([]);
    expect(await plotIds('anvgen=21&use=office')).toEqual(['kn-06', 'kn-07', 'kn-08', 'kn-09']);
  });

  it('refuses an unknown general use in the finder with a problem naming anvgen', async () => {
    expectProblem(await app.inject('/api/plots?anvgen=31,99'), 400, 'anvgen');
    expectProblem(await app.inject('/api/plots?anvgen='), 400, 'anvgen');
  });

  it('refuses a duplicate planid, naming both features', async () => {
    const text = collection([
      [PLAN, square(700_000, 6_150_000)],
      [{ ...PLAN, plannavn: 'Anden' }, square(701_000, 6_150_000)],
    ]);
    await expect(importText('plandata-lokalplaner', text, 'lp.json')).rejects.toThrow(
      /^lp\.json: features 1 and 2: both have the id 1300001: a register id must be unique$/,
    );
  });

  it('refuses a missing field and a status other than F or V, naming the feature and the field', async () => {
    const { anvgen: _, ...noUse } = PLAN;
    await expect(
      importText('plandata-lokalplaner', collection([[noUse, square(700_000, 6_150_000)]]), 'lp.json'),
    ).rejects.toThrow(/^lp\.json: feature 1, line \d+: the required field anvgen is missing or empty$/);
    await expect(
      importText(
        'plandata-lokalplaner',
        collection([[{ ...PLAN, status: 'X' }, square(700_000, 6_150_000)]]),
        'lp.json',
      ),
    ).rejects.toThrow(/feature 1, line \d+: field status "X" is not F or V$/);
  });

  it('asks for the layer when a file does not say whether it holds lokalplaner or kommuneplanrammer', async () => {
    const text = collection([[PLAN, square(700_000, 6_150_000)]]);
    await expect(importText('plandata', text, 'plans.json')).rejects.toThrow(
      /feature 1, line \d+: its feature type "none" names neither a lokalplan nor a kommuneplanramme; use the kind plandata-lokalplaner/,
    );
    const report = await importText('plandata-lokalplaner', text, 'plans.json');
    expect(report.layers[0]).toMatchObject({ id: 'plandata-lokalplaner', written: 1 });
  });

  it('reads GML in EPSG:4326 given as a URN, latitude first', async () => {
    const gml = (await readFile(LOKALPLANER, 'utf8'))
      .replaceAll('urn:ogc:def:crs:EPSG::25832', 'urn:ogc:def:crs:EPSG::4326')
      // 1088's ring as lat lon around Køge Nord; the other plans keep their metres, which are not degrees.
      .replace(
        /(<pdk:planid>1088001[\s\S]*?<gml:posList>)[^<]*/,
        '$155.500 12.150 55.500 12.160 55.505 12.160 55.505 12.150 55.500 12.150',
      );
    const only1088 = gml.replace(
      /<wfs:member>\s*<pdk:theme_pdk_lokalplan_vedtaget_v gml:id="[^"]*1110[\s\S]*$/,
      '</wfs:FeatureCollection>',
    );
    await importText('plandata', only1088, 'lp4326.gml');
    const lp = await site('lokalplan-1088001');
    const [w, s, e, n] = lp.bbox;
    expect([w, s, e, n].map((v) => Math.round(v * 1000) / 1000)).toEqual([12.15, 55.5, 12.16, 55.505]);
  });
});
