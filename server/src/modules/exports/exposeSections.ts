import type { Plot } from '@shared/schemas/plot';
import type { SiteDetail } from '@shared/schemas/site';
// The UI's labels and number formats are the one source of wording, in the browser exposé and in the PDF alike.
import { FLOOD_SCENARIOS } from '@shared/flood/floodScenarios';
import type { Lang } from '@shared/i18n/Lang';
import type { MessageKey } from '@shared/i18n/da';
import { formatArea } from '@shared/i18n/formatArea';
import { formatDate, formatDateTime } from '@shared/i18n/formatDate';
import { formatFloodExposure } from '@shared/i18n/formatFloodExposure';
import { formatLength } from '@shared/i18n/formatLength';
import { formatLevel } from '@shared/i18n/formatLevel';
import { formatNumber } from '@shared/i18n/formatNumber';
import { isMessageKey, translate } from '@shared/i18n/translate';
import type { SiteFloodExposure } from '@shared/schemas/flood';
import { ACCENT, drawPlot, INK, MAP_HEIGHT, MUTED, PAGE, winAnsi } from './exposeDrawing';

/** Strings only the PDF needs. */
const LABELS: Record<Lang, { contactVia: string }> = {
  da: { contactVia: 'kontakt via koege.dk' },
  en: { contactVia: 'contact via koege.dk' },
};

/** The document being written and the helpers every section uses. */
export interface ExposeContext {
  doc: PDFKit.PDFDocument;
  lang: Lang;
  /** Left margin and text width, PDF points. */
  left: number;
  width: number;
  text(value: string, options?: PDFKit.Mixins.TextOptions): void;
  /** A section heading; a new page first when fewer than 80 points are left. */
  heading(value: string): void;
  /** One label and value row. */
  fact(label: string, value: string): void;
  /** A UI string in WinAnsi, which PDFKit's standard fonts can show. */
  t(key: MessageKey, params?: Record<string, string | number>): string;
  notSet: string;
}

export function exposeContext(doc: PDFKit.PDFDocument, lang: Lang): ExposeContext {
  const width = PAGE.width - 2 * PAGE.margin;
  const left = PAGE.margin;
  const text = (value: string, options: PDFKit.Mixins.TextOptions = {}) =>
    doc.text(winAnsi(value), { width, ...options });
  const heading = (value: string) => {
    if (doc.y > PAGE.height - PAGE.margin - 80) doc.addPage();
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).fillColor(ACCENT);
    text(value, { width });
    doc.font('Helvetica').fontSize(9.5).fillColor(INK).moveDown(0.2);
  };
  const fact = (label: string, value: string) => {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(9.5).fillColor(MUTED).text(winAnsi(label), left, y, { width: 170 });
    const labelBottom = doc.y;
    doc
      .font('Helvetica')
      .fillColor(INK)
      .text(winAnsi(value), left + 180, y, { width: width - 180 });
    doc.y = Math.max(doc.y, labelBottom) + 2;
    doc.x = left;
  };
  return {
    doc,
    lang,
    left,
    width,
    text,
    heading,
    fact,
    t: (key, params) => winAnsi(translate(lang, key, params)),
    notSet: translate(lang, 'site.notSet'),
  };
}

/** The kicker, the name, kind and use, and the warning of illustrative geometry. */
export function titleSection(c: ExposeContext, { site }: { site: SiteDetail }): void {
  const { doc, lang, left, width, text, t } = c;
  // Title
  doc.font('Helvetica').fontSize(9).fillColor(MUTED);
  text(translate(lang, 'expose.kicker'));
  doc.font('Helvetica-Bold').fontSize(22).fillColor(INK);
  text(site.name);
  doc.font('Helvetica').fontSize(10.5).fillColor(MUTED);
  const kindKey = `kind.${site.kind}`;
  text(
    [
      isMessageKey(kindKey) ? translate(lang, kindKey) : site.kind,
      site.plan_use ? translate(lang, `planUse.${site.plan_use}`) : null,
    ]
      .filter(Boolean)
      .join(' · '),
  );

  if (site.accuracy === 'illustrative') {
    doc.moveDown(0.6);
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(9.5);
    const h = doc.heightOfString(t('accuracy.warningIllustrative'), { width: width - 16 }) + 12;
    doc.save().rect(left, y, width, h).fillAndStroke('#fff4e5', '#d9822b').restore();
    doc.fillColor('#7a3e00').text(t('accuracy.warningIllustrative'), left + 8, y + 6, { width: width - 16 });
    doc.x = left;
    doc.y = y + h;
  }
}

/** The plot drawn in EPSG:25832 with a scale bar and a north arrow. */
export function mapSection(c: ExposeContext, { site }: { site: SiteDetail }): void {
  const { doc, lang, left, width, text, heading } = c;
  // Map
  heading(translate(lang, 'expose.map'));
  const mapTop = doc.y + 2;
  drawPlot(doc, site.geometry, { x: left, y: mapTop, w: width, h: MAP_HEIGHT }, lang);
  doc.x = left;
  doc.y = mapTop + MAP_HEIGHT + 4;
  doc.font('Helvetica').fontSize(8).fillColor(MUTED);
  text(translate(lang, 'expose.mapNote'));
}

/** Area, use, height, plot ratio, building rights and the distances the finder computed. */
export function factsSection(c: ExposeContext, { site, plot }: { site: SiteDetail; plot: Plot | null }): void {
  const { doc, lang, text, heading, fact, notSet } = c;
  // Key figures
  heading(translate(lang, 'expose.facts'));
  const nearest = (value: Plot['nearest_station'] | undefined) =>
    !plot
      ? translate(lang, 'expose.notComputed')
      : value
        ? translate(lang, 'expose.distanceTo', {
            distance: formatLength({ metres: value.distance_m, lang }),
            name: value.name,
          })
        : notSet;
  fact(translate(lang, 'expose.areaHa'), site.area_m2 !== null ? formatArea({ m2: site.area_m2, lang }) : notSet);
  fact(translate(lang, 'site.planUse'), site.plan_use ? translate(lang, `planUse.${site.plan_use}`) : notSet);
  fact(
    translate(lang, 'site.maxHeight'),
    site.max_height_m !== null ? `${formatNumber({ value: site.max_height_m, lang, maxFractionDigits: 1 })} m` : notSet,
  );
  fact(
    translate(lang, 'site.plotRatio'),
    site.plot_ratio_pct !== null
      ? `${formatNumber({ value: site.plot_ratio_pct, lang, maxFractionDigits: 1 })} %`
      : notSet,
  );
  fact(translate(lang, 'site.buildingRights'), site.building_rights ?? notSet);
  fact(translate(lang, 'expose.nearestStation'), nearest(plot?.nearest_station));
  fact(translate(lang, 'expose.nearestJunction'), nearest(plot?.nearest_junction));
  if (site.description) {
    doc.moveDown(0.3);
    text(site.description);
  }
}

/** Flood exposure per named scenario, with and without the dike, and where the figures come from. */
export function floodSection(c: ExposeContext, { flood }: { flood: SiteFloodExposure | null }): void {
  const { doc, lang, left, width, text, heading } = c;
  // Flood exposure per named scenario, with and without the dike
  heading(translate(lang, 'expose.flood'));
  if (flood === null) {
    text(translate(lang, 'expose.floodError'));
  } else {
    const columns = [
      { x: left, w: 200 },
      { x: left + 205, w: 75 },
      { x: left + 285, w: (width - 285) / 2 },
      { x: left + 285 + (width - 285) / 2, w: (width - 285) / 2 },
    ];
    const row = (cells: string[], bold: boolean) => {
      const y = doc.y;
      doc
        .font(bold ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(9)
        .fillColor(bold ? MUTED : INK);
      let bottom = y;
      cells.forEach((cell, i) => {
        doc.text(winAnsi(cell), columns[i]!.x, y, { width: columns[i]!.w });
        bottom = Math.max(bottom, doc.y);
      });
      doc.x = left;
      doc.y = bottom + 2;
    };
    row(
      [
        translate(lang, 'expose.floodScenario'),
        translate(lang, 'expose.floodLevel'),
        translate(lang, 'expose.floodWithDike'),
        translate(lang, 'expose.floodWithoutDike'),
      ],
      true,
    );
    for (const scenario of flood.scenarios) {
      const named = FLOOD_SCENARIOS.find((s) => s.id === scenario.id);
      row(
        [
          named ? (lang === 'da' ? named.labelDa : named.labelEn) : scenario.id,
          formatLevel({ metres: scenario.level_m, lang }),
          formatFloodExposure({ exposure: scenario.with_dike, lang }),
          formatFloodExposure({ exposure: scenario.without_dike, lang }),
        ],
        false,
      );
    }
    doc.font('Helvetica').fontSize(8).fillColor(MUTED);
    text(
      translate(lang, 'expose.floodSource', {
        source: flood.source,
        cell: formatNumber({ value: flood.cell_size_m, lang }),
        terrain: translate(lang, `flood.terrain.${flood.accuracy}`),
      }),
    );
    if (flood.accuracy === 'illustrative') text(translate(lang, 'expose.floodIllustrative'));
    doc.fontSize(9.5).fillColor(INK);
  }
}

/** The tender state, its dates and its history. */
export function tenderSection(c: ExposeContext, { site }: { site: SiteDetail }): void {
  const { doc, lang, text, heading, fact } = c;
  // Tender
  heading(translate(lang, 'expose.tender'));
  const tender = site.tender;
  if (tender === null) {
    text(translate(lang, 'site.noTender'));
  } else {
    fact(translate(lang, 'site.tenderStatus'), translate(lang, `status.${tender.status}`));
    fact(translate(lang, 'site.plannedYear'), tender.planned_year !== null ? String(tender.planned_year) : '–');
    fact(
      translate(lang, 'site.opensOn'),
      tender.opens_on !== null ? formatDate({ isoDate: tender.opens_on, lang }) : '–',
    );
    fact(
      translate(lang, 'site.closesOn'),
      tender.closes_on !== null ? formatDate({ isoDate: tender.closes_on, lang }) : '–',
    );
    doc.moveDown(0.3).font('Helvetica-Bold');
    text(translate(lang, 'site.history'));
    doc.font('Helvetica');
    if (tender.history.length === 0) text(translate(lang, 'site.noHistory'));
    for (const event of tender.history) {
      const change = `${event.from_status ? `${translate(lang, `status.${event.from_status}`)} → ` : ''}${translate(lang, `status.${event.to_status}`)}`;
      text(
        `• ${formatDateTime({ isoDateTime: event.at, lang })}: ${change} (${translate(lang, 'site.historyBy', { actor: event.actor })})${event.note ? ` – ${event.note}` : ''}`,
        { indent: 0 },
      );
    }
  }
}

/** The policy actions the plot serves. */
export function actionsSection(c: ExposeContext, { site }: { site: SiteDetail }): void {
  const { doc, lang, text, heading } = c;
  // Policy actions (the policy is Danish; its text stays Danish in both languages)
  heading(translate(lang, 'expose.actions'));
  if (site.actions.length === 0) text(translate(lang, 'site.noActions'));
  for (const action of site.actions) {
    doc.font('Helvetica-Bold');
    text(`${action.number}  `, { continued: true });
    doc.font('Helvetica');
    text(action.text);
    doc.fillColor(MUTED);
    text(
      `${translate(lang, 'policy.initiative', { number: action.initiative.number })}: ${action.initiative.title} · ${translate(lang, `progress.${action.progress}`)}`,
    );
    doc.fillColor(INK).moveDown(0.2);
  }
}

/** Source and accuracy, and the municipality's own site as the contact. */
export function sourceSection(c: ExposeContext, { site }: { site: SiteDetail }): void {
  const { lang, text, heading } = c;
  // Source and accuracy
  heading(translate(lang, 'expose.source'));
  text(site.source);
  text(`${translate(lang, 'site.accuracy')}: ${translate(lang, `accuracy.${site.accuracy}`)}`);
  if (site.accuracy === 'illustrative') text(translate(lang, 'accuracy.warningIllustrative'));
  if (site.accuracy === 'approximate') text(translate(lang, 'accuracy.warningApproximate'));

  // Contact: the municipality's own site only, no invented people, numbers or addresses.
  heading(translate(lang, 'expose.contact'));
  text(`Køge Kommune, Erhvervsservice – ${LABELS[lang].contactVia}`, { link: 'https://www.koege.dk' });
}
