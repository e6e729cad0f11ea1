import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ComparedSketch } from './SketchTypes';
import { formatArea } from '@shared/i18n/formatArea';
import { formatLength } from '@shared/i18n/formatLength';
import type { Lang } from '@shared/i18n/Lang';
import { useAppStore } from '../../store/useAppStore';
import { CONSTRAINT_KIND_ORDER, groupConstraints } from './groupConstraints';
import { useT } from '../../app/useT';

type T = ReturnType<typeof useT>;

/** One kind's overlaps of one side as a table cell: the count and the summed area (or length). */
function overlapCell(side: ComparedSketch, kind: (typeof CONSTRAINT_KIND_ORDER)[number], lang: Lang, t: T): string {
  const group = groupConstraints(side.constraints).find((candidate) => candidate.kind === kind);
  if (group === undefined) return t('sketch.compare.noOverlap');
  const amount =
    group.area_m2 > 0
      ? formatArea({ m2: group.area_m2, lang })
      : group.length_m > 0
        ? formatLength({ metres: group.length_m, lang })
        : null;
  return amount === null ? String(group.items.length) : `${group.items.length}: ${amount}`;
}

const size = (side: ComparedSketch, lang: Lang) =>
  side.area_m2 !== null
    ? formatArea({ m2: side.area_m2, lang })
    : side.length_m !== null
      ? formatLength({ metres: side.length_m, lang })
      : '–';

/**
 * Compares two sketches (issue #6): their areas, their overlaps per kind, and the land they share or only one of
 * them covers, which the map draws (sketchOverlay.comparison).
 */
export function SketchCompare() {
  const t = useT();
  const ids = useId();
  const state = useAppStore(
    useShallow((s) => ({
      sketches: s.sketches,
      picked: s.sketchCompareIds,
      comparison: s.sketchComparison,
      status: s.sketchComparisonStatus,
      error: s.sketchComparisonError,
      lang: s.lang,
      setSketchCompareIds: s.setSketchCompareIds,
      compareSketches: s.compareSketches,
      clearSketchComparison: s.clearSketchComparison,
    })),
  );
  const { picked, comparison, lang } = state;
  if (state.sketches.length < 2) return null;
  const ready = picked.a !== null && picked.b !== null && picked.a !== picked.b;

  const picker = (side: 'a' | 'b') => (
    <label className="field">
      <span className="field__label">{t(side === 'a' ? 'sketch.compare.a' : 'sketch.compare.b')}</span>
      <select
        value={picked[side] ?? ''}
        data-testid={`sketch-compare-${side}`}
        onChange={(event) => state.setSketchCompareIds({ ...picked, [side]: event.target.value || null })}
      >
        <option value="">{t('sketch.compare.choose')}</option>
        {state.sketches.map((sketch) => (
          <option key={sketch.id} value={sketch.id}>
            {sketch.properties.title}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section className="sketch-compare" aria-labelledby={`${ids}-heading`} data-testid="sketch-compare">
      <h3 id={`${ids}-heading`} className="site-panel__subheading">
        {t('sketch.compare.heading')}
      </h3>
      <div className="sketch-compare__pickers">
        {picker('a')}
        {picker('b')}
      </div>
      <div className="sketch-form__buttons">
        <button
          type="button"
          className="button button--small"
          data-testid="sketch-compare-run"
          disabled={!ready || state.status === 'loading'}
          onClick={() => void state.compareSketches()}
        >
          {t('sketch.compare.run')}
        </button>
        {comparison !== null && (
          <button type="button" className="button button--small" onClick={state.clearSketchComparison}>
            {t('sketch.compare.close')}
          </button>
        )}
      </div>
      <div role="status" aria-live="polite">
        {state.status === 'loading' && <p className="panel__muted">{t('sketch.compare.loading')}</p>}
      </div>
      {state.status === 'error' && (
        <p className="form-error" role="alert">
          {t('sketch.compare.error', { message: state.error ?? '' })}
        </p>
      )}
      {comparison !== null && (
        <>
          <table className="sketch-compare__table" data-testid="sketch-comparison">
            <caption className="sketch-compare__caption">{t('sketch.compare.caption')}</caption>
            <thead>
              <tr>
                <td />
                <th scope="col">A: {comparison.a.title}</th>
                <th scope="col">B: {comparison.b.title}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('sketch.compare.version')}</th>
                <td>{comparison.a.version}</td>
                <td>{comparison.b.version}</td>
              </tr>
              <tr>
                <th scope="row">{t('sketch.compare.size')}</th>
                <td>{size(comparison.a, lang)}</td>
                <td>{size(comparison.b, lang)}</td>
              </tr>
              {CONSTRAINT_KIND_ORDER.map((kind) => (
                <tr key={kind}>
                  <th scope="row">{t(`sketch.kind.${kind}`)}</th>
                  <td>{overlapCell(comparison.a, kind, lang, t)}</td>
                  <td>{overlapCell(comparison.b, kind, lang, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl className="facts" data-testid="sketch-comparison-areas">
            <div className="facts__row">
              <dt>{t('sketch.compare.intersection')}</dt>
              <dd data-m2={comparison.intersection_area_m2}>
                {formatArea({ m2: comparison.intersection_area_m2, lang })}
              </dd>
            </div>
            <div className="facts__row">
              <dt>{t('sketch.compare.onlyA')}</dt>
              <dd data-m2={comparison.only_a_area_m2}>{formatArea({ m2: comparison.only_a_area_m2, lang })}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('sketch.compare.onlyB')}</dt>
              <dd data-m2={comparison.only_b_area_m2}>{formatArea({ m2: comparison.only_b_area_m2, lang })}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('sketch.compare.union')}</dt>
              <dd>{formatArea({ m2: comparison.union_area_m2, lang })}</dd>
            </div>
          </dl>
          <p className="panel__muted">{t('sketch.compare.mapNote')}</p>
        </>
      )}
    </section>
  );
}
