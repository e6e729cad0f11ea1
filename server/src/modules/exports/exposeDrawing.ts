import type { Geometry } from '@shared/schemas/geojson';
// The UI's labels and number formats are the one source of wording, in the browser exposé and in the PDF alike.
import type { Lang } from '@shared/i18n/Lang';
import { formatNumber } from '@shared/i18n/formatNumber';
import { translate } from '@shared/i18n/translate';
import { toEpsg25832 } from '../plots';

// The exposé's page, colours, text encoding and plot drawing (issue #4); exposeSections.ts writes the sections.

/** A4 portrait in PostScript points; 42 pt ≈ 15 mm margins. */
export const PAGE = { width: 595.28, height: 841.89, margin: 42 } as const;
export const MAP_HEIGHT = 230;
export const INK = '#1f2933';
export const MUTED = '#5f6b7a';
export const ACCENT = '#0b5e8a';

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
export function drawPlot(
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
