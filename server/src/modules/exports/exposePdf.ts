import PDFDocument from 'pdfkit';
import type { Plot } from '@shared/schemas/plot';
import type { SiteDetail } from '@shared/schemas/site';
// The UI's labels and number formats are the one source of wording, in the browser exposé and in the PDF alike.
import type { Lang } from '@shared/i18n/Lang';
import { translate } from '@shared/i18n/translate';
import type { SiteFloodExposure } from '@shared/schemas/flood';
import { PAGE, winAnsi } from './exposeDrawing';
import {
  actionsSection,
  exposeContext,
  factsSection,
  floodSection,
  mapSection,
  sourceSection,
  tenderSection,
  titleSection,
} from './exposeSections';

/** Builds the A4 vector exposé of one plot and resolves with the PDF's bytes (generated in memory). */
export function exposePdf({
  site,
  plot,
  flood,
  lang,
}: {
  site: SiteDetail;
  plot: Plot | null;
  /** Null: the flood figures could not be computed; the section says so. */
  flood: SiteFloodExposure | null;
  lang: Lang;
}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    lang: lang === 'da' ? 'da-DK' : 'en-GB',
    info: { Title: winAnsi(translate(lang, 'expose.docTitle', { name: site.name })), Author: 'Køge Kommune' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const c = exposeContext(doc, lang);
  titleSection(c, { site });
  mapSection(c, { site });
  factsSection(c, { site, plot });
  floodSection(c, { flood });
  tenderSection(c, { site });
  actionsSection(c, { site });
  sourceSection(c, { site });
  doc.end();
  return done;
}
