import PDFDocument from 'pdfkit';
import type { Geometry } from '../../../../shared/schemas/geojson';
import type { Plot } from '../../../../shared/schemas/plot';
import type { SiteDetail } from '../../../../shared/schemas/site';
// The UI's labels and number formats are the one source of wording, in the browser exposé and in the PDF alike.
import type { Lang } from '../../../../shared/i18n/Lang';
import type { MessageKey } from '../../../../shared/i18n/da';
import { isMessageKey, translate } from '../../../../shared/i18n/translate';
import { formatArea } from '../../../../shared/i18n/formatArea';
import { formatDate, formatDateTime } from '../../../../shared/i18n/formatDate';
import { formatLength } from '../../../../shared/i18n/formatLength';
import { formatNumber } from '../../../../shared/i18n/formatNumber';
import { toEpsg25832 } from '../plots';
import { formatFloodExposure } from '../../../../shared/i18n/formatFloodExposure';
import { formatLevel } from '../../../../shared/i18n/formatLevel';
import { FLOOD_SCENARIOS } from '../../../../shared/flood/floodScenarios';
import type { SiteFloodExposure } from '../../../../shared/schemas/flood';

/** Strings only the PDF needs. */
const LABELS: Record<Lang, { contactVia: string }> = {
  da: { contactVia: 'kontakt via koege.dk' },
  en: { contactVia: 'contact via koege.dk' },
};

/** A4 portrait in PostScript points; 42 pt ≈ 15 mm margins. */
const PAGE = { width: 595.28, height: 841.89, margin: 42 } as const;
const MAP_HEIGHT = 230;
const INK = '#1f2933';
const MUTED = '#5f6b7a';
const ACCENT = '#0b5e8a';

/**
 * The standard 14 fonts use WinAnsi: Latin-1 (æøå, ², «») plus these. Anything else is spelt out or replaced,
 * so that no glyph silently disappears from the PDF.
 */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACEMENTS: Record<string, string> = { '→': '->', '\u202f': ' ', '\u2009': ' ', '≈': '~', '−': '-' };

/** `text` restricted to what Helvetica's WinAnsi encoding can draw. */
export function winAnsi(text: string): string {
  return Array.from(text, (c) => {
    const code = c.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(c) || c === '\n') {
      return c;
    }
    return REPLACEMENTS[c] ?? '?';
  }).join('');
}

/** A round scale-bar length (1, 2 or 5 × 10ⁿ metres) no longer than `maxMetres`. */
export function scaleBarMetres(maxMetres: number): number {
  const power = 10 ** Math.floor(Math.log10(maxMetres));
  return [5, 2, 1].map((f) => f * power).find((m) => m <= maxMetres) ?? power;
}

/** Outer and inner rings of a (multi)polygon, in the geometry's own coordinates. */
function ringsOf(geometry: Geometry): number[][][] {
  if (geometry.type === 'Polygon') return geometry.coordinates as number[][][];
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as number[][][][]).flat();
  return [];
}

/**
 * The plot as a vector polygon in EPSG:25832 (metres), fitted north-up into the box at (x, y), with a scale bar.
 * The scale is uniform, so shapes and the bar's metres stay true.
 */
function drawPlot(
  doc: PDFKit.PDFDocument,
  geometry: Geometry,
  box: { x: number; y: number; w: number; h: number },
  lang: Lang,
) {
  const rings = ringsOf(toEpsg25832(geometry));
  doc.save().lineWidth(0.5).strokeColor('#c5ccd3').rect(box.x, box.y, box.w, box.h).stroke().restore();
  const points = rings.flat();
  if (points.length === 0) return;
  const xs = points.map((p) => p[0]!);
  const ys = points.map((p) => p[1]!);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const pad = 24;
  const ptPerMetre = Math.min(
    (box.w - 2 * pad) / Math.max(maxX - minX, 1),
    (box.h - 2 * pad - 20) / Math.max(maxY - minY, 1),
  );
  const cx = box.x + box.w / 2;
  const cy = box.y + (box.h - 20) / 2;
  const toPage = (p: number[]): [number, number] => [
    cx + (p[0]! - (minX + maxX) / 2) * ptPerMetre,
    cy - (p[1]! - (minY + maxY) / 2) * ptPerMetre,
  ];
  doc.save();
  for (const ring of rings) {
    ring.forEach((p, i) => (i === 0 ? doc.moveTo(...toPage(p)) : doc.lineTo(...toPage(p))));
    doc.closePath();
  }
  doc
    .lineWidth(1.2)
    .fillColor('#f4a261')
    .strokeColor('#9c4a12')
    .fillAndStroke('#f4a261', '#9c4a12', 'even-odd')
    .restore();

  // Scale bar: a round length at most a third of the box, bottom left.
  const metres = scaleBarMetres(box.w / 3 / ptPerMetre);
  const barPt = metres * ptPerMetre;
  const bx = box.x + 12;
  const by = box.y + box.h - 14;
  doc
    .save()
    .lineWidth(1)
    .strokeColor(INK)
    .moveTo(bx, by - 4)
    .lineTo(bx, by)
    .lineTo(bx + barPt, by)
    .lineTo(bx + barPt, by - 4)
    .stroke();
  doc
    .rect(bx, by - 2, barPt / 2, 2)
    .fill(INK)
    .restore();
  doc
    .font('Helvetica')
    .fontSize(8)
    .fillColor(INK)
    .text(winAnsi(`${formatNumber({ value: metres, lang })} m`), bx + barPt + 6, by - 7, { lineBreak: false });
  // North arrow, top right.
  const nx = box.x + box.w - 18;
  const ny = box.y + 10;
  doc
    .save()
    .moveTo(nx, ny)
    .lineTo(nx + 5, ny + 14)
    .lineTo(nx - 5, ny + 14)
    .closePath()
    .fill(INK)
    .restore();
  doc.fontSize(8).text(winAnsi(translate(lang, 'expose.north')), nx - 3, ny + 16, { lineBreak: false });
}

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
  const t = (key: MessageKey, params?: Record<string, string | number>) => winAnsi(translate(lang, key, params));
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
  const notSet = translate(lang, 'site.notSet');

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

  // Map
  heading(translate(lang, 'expose.map'));
  const mapTop = doc.y + 2;
  drawPlot(doc, site.geometry, { x: left, y: mapTop, w: width, h: MAP_HEIGHT }, lang);
  doc.x = left;
  doc.y = mapTop + MAP_HEIGHT + 4;
  doc.font('Helvetica').fontSize(8).fillColor(MUTED);
  text(translate(lang, 'expose.mapNote'));

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

  // Source and accuracy
  heading(translate(lang, 'expose.source'));
  text(site.source);
  text(`${translate(lang, 'site.accuracy')}: ${translate(lang, `accuracy.${site.accuracy}`)}`);
  if (site.accuracy === 'illustrative') text(translate(lang, 'accuracy.warningIllustrative'));
  if (site.accuracy === 'approximate') text(translate(lang, 'accuracy.warningApproximate'));

  // Contact: the municipality's own site only, no invented people, numbers or addresses.
  heading(translate(lang, 'expose.contact'));
  text(`Køge Kommune, Erhvervsservice – ${LABELS[lang].contactVia}`, { link: 'https://www.koege.dk' });

  doc.end();
  return done;
}
