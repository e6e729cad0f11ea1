import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { SiteDetail } from '@shared/schemas/site';
import { formatArea } from '@shared/i18n/formatArea';
import { translate } from '@shared/i18n/translate';
import { formatFloodExposure } from '@shared/i18n/formatFloodExposure';
import { formatLevel } from '@shared/i18n/formatLevel';
import { FLOOD_SCENARIOS } from '@shared/flood/floodScenarios';
import type { SiteFloodExposure } from '@shared/schemas/flood';
import { testApp } from '../testApp';
import { expectProblem } from '../expectProblem';

let app: FastifyInstance;
let dir: string;
beforeAll(async () => {
  app = await testApp();
  dir = await mkdtemp(join(tmpdir(), 'koege-expose-pdf-'));
});
afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

/** A seeded Køge Nord plot serving action 1.4, as the API describes it. */
async function aPlot(): Promise<SiteDetail> {
  const res = await app.inject('/api/layers/koege-nord-plots/features');
  expect(res.statusCode, res.body).toBe(200);
  const { features } = res.json<{ features: { properties: { id: string; actions: string[] } }[] }>();
  const id = features.find((f) => f.properties.actions.includes('1.4'))!.properties.id;
  return (await app.inject(`/api/sites/${id}`)).json<SiteDetail>();
}

const pdfText = (): string | undefined => ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => existsSync(p));

async function textOf(pdf: Buffer, name: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, pdf);
  return execFileSync(pdfText()!, ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('GET /api/plots/:id/expose.pdf', () => {
  it('answers an A4 PDF as a download named after the plot', async () => {
    const site = await aPlot();
    const res = await app.inject(`/api/plots/${site.id}/expose.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="koege-ekspose-${site.id}.pdf"; filename*=UTF-8''koege-ekspos%C3%A9-${site.id}.pdf`,
    );
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(res.rawPayload.length).toBeGreaterThan(2048);
  });

  // poppler's pdftotext is the independent reader: the text must be real text, æøå included.
  if (!pdfText() && process.env.CI === 'true')
    throw new Error('CI=true but poppler-utils (pdftotext) is not installed');
  it.runIf(pdfText())('holds the name, area, action 1.4, tender status and the illustrative warning', async () => {
    const site = await aPlot();
    const res = await app.inject(`/api/plots/${site.id}/expose.pdf?lang=da`);
    expect(res.statusCode, res.body).toBe(200);
    const text = (await textOf(res.rawPayload, 'da.pdf')).replace(/\s+/g, ' ');
    expect(text).toContain(site.name);
    expect(text).toContain(formatArea({ m2: site.area_m2!, lang: 'da' }).split(' (')[0]);
    expect(text).toContain('1.4');
    expect(text).toContain(translate('da', `status.${site.tender!.status}`));
    expect(text).toContain('illustrativ');
    expect(text).toContain('Køge Kommune, Erhvervsservice – kontakt via koege.dk');
  });

  it.runIf(pdfText())('lists every flood scenario with the plot’s exposure, as the flood API reports it', async () => {
    const site = await aPlot();
    const flood = (await app.inject(`/api/sites/${site.id}/flood`)).json<SiteFloodExposure>();
    const res = await app.inject(`/api/plots/${site.id}/expose.pdf?lang=en`);
    expect(res.statusCode, res.body).toBe(200);
    const text = (await textOf(res.rawPayload, 'flood.pdf')).replace(/\s+/g, ' ');
    expect(text).toContain(translate('en', 'expose.flood'));
    for (const scenario of FLOOD_SCENARIOS) {
      expect(text).toContain(scenario.labelEn);
      expect(text).toContain(formatLevel({ metres: scenario.level, lang: 'en' }));
    }
    const row = flood.scenarios.find((s) => s.id === 'storm-2023')!;
    expect(text).toContain(formatFloodExposure({ exposure: row.without_dike, lang: 'en' }));
    expect(text).toContain(translate('en', 'flood.terrain.illustrative'));
  });

  it.runIf(pdfText())('labels the exposé in English with lang=en', async () => {
    const site = await aPlot();
    const res = await app.inject(`/api/plots/${site.id}/expose.pdf?lang=en`);
    expect(res.statusCode, res.body).toBe(200);
    const text = (await textOf(res.rawPayload, 'en.pdf')).replace(/\s+/g, ' ');
    expect(text).toContain('Key figures');
    expect(text).toContain(translate('en', `status.${site.tender!.status}`));
    expect(text).toContain(formatArea({ m2: site.area_m2!, lang: 'en' }).split(' (')[0]);
  });

  it.each([
    ['an unknown id', 'nope-id'],
    ['a site that is not a plot', 'dige-nord'],
  ])('answers 404 for %s', async (_, id) => {
    expectProblem(await app.inject(`/api/plots/${id}/expose.pdf`), 404);
  });

  it.each([
    ['?lang=fr', 'lang'],
    ['?format=docx', 'format'],
  ])('answers 400 for %s, naming %s', async (query, name) => {
    expectProblem(await app.inject(`/api/plots/some-plot/expose.pdf${query}`), 400, name);
  });
});
