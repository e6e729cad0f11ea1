import { useShallow } from 'zustand/react/shallow';
import type { ConstraintItem } from './SketchTypes';
import { formatArea } from '@shared/i18n/formatArea';
import { formatLength } from '@shared/i18n/formatLength';
import type { Lang } from '@shared/i18n/Lang';
import type { AppState } from '../../store/AppState';
import { geometryBbox } from './geometryBbox';
import { useAppStore } from '../../store/useAppStore';
import { groupConstraints } from './groupConstraints';
import { formatShare } from './sketchMeasureText';
import { useT } from '../../app/useT';

type T = ReturnType<typeof useT>;

/** How much of the sketch an overlap covers: area (polygons), length (lines), or just the share (points). */
function overlapText(item: ConstraintItem, lang: Lang, t: T): string {
  const share = formatShare({ share: item.overlap_share, lang });
  if (item.overlap_area_m2 > 0)
    return t('sketch.constraints.area', { area: formatArea({ m2: item.overlap_area_m2, lang }), share });
  if (item.overlap_length_m !== undefined && item.overlap_length_m > 0) {
    return t('sketch.constraints.length', { length: formatLength({ metres: item.overlap_length_m, lang }), share });
  }
  return t('sketch.constraints.share', { share });
}

/**
 * The constraint report of the selected sketch or the draft (issue #6): what it overlaps, grouped by kind, with
 * each overlap's area and share. Hovering or focusing an item highlights it on the map; pressing it fits the map
 * to it.
 */
export function SketchConstraints() {
  const t = useT();
  const state = useAppStore(
    useShallow((s) => ({
      report: s.constraintReport,
      target: s.constraintTarget,
      status: s.constraintStatus,
      error: s.constraintError,
      highlighted: s.sketchOverlay.highlightedConstraintRef,
      lang: s.lang,
      targetTitle: targetTitleOf(s),
      highlightConstraint: s.highlightConstraint,
      focusOn: s.focusOn,
      clearConstraints: s.clearConstraints,
    })),
  );
  const { report, target, status, lang } = state;
  if (target === null) return null;
  const groups = report === null ? [] : groupConstraints(report.items);
  return (
    <section
      className="sketch-constraints"
      aria-labelledby="sketch-constraints-heading"
      data-testid="sketch-constraints"
    >
      <h3 id="sketch-constraints-heading" className="site-panel__subheading">
        {target.kind === 'draft'
          ? t('sketch.constraints.headingDraft')
          : t('sketch.constraints.heading', { title: state.targetTitle, version: target.version })}
      </h3>
      <div role="status" aria-live="polite">
        {status === 'loading' && (
          <p className="panel__muted">
            <span className="spinner spinner--inline" aria-hidden="true" /> {t('sketch.constraints.loading')}
          </p>
        )}
        {status === 'ready' && report !== null && (
          <p data-testid="sketch-constraints-summary" data-count={report.items.length}>
            {report.items.length === 0
              ? t('sketch.constraints.none')
              : t(report.items.length === 1 ? 'sketch.constraints.countOne' : 'sketch.constraints.countOther', {
                  count: report.items.length,
                })}
          </p>
        )}
      </div>
      {status === 'error' && (
        <p className="form-error" role="alert">
          {t('sketch.constraints.error', { message: state.error ?? '' })}
        </p>
      )}
      {groups.length > 0 && <p className="panel__muted">{t('sketch.constraints.hint')}</p>}
      {groups.map((group) => (
        <div key={group.kind} className="sketch-constraints__group" data-kind={group.kind}>
          <h4 className="site-panel__minorheading">
            {t(`sketch.kind.${group.kind}`)} ({group.items.length})
          </h4>
          <ul className="sketch-constraints__list">
            {group.items.map((item) => {
              const bbox = geometryBbox(item.geometry);
              return (
                <li key={item.ref}>
                  <button
                    type="button"
                    className={`sketch-constraint${state.highlighted === item.ref ? ' sketch-constraint--highlighted' : ''}`}
                    data-testid={`sketch-constraint-${item.ref}`}
                    onMouseEnter={() => state.highlightConstraint(item.ref)}
                    onMouseLeave={() => state.highlightConstraint(null)}
                    onFocus={() => state.highlightConstraint(item.ref)}
                    onBlur={() => state.highlightConstraint(null)}
                    onClick={() => bbox !== null && state.focusOn(bbox)}
                  >
                    <span className="sketch-constraint__name">{item.name}</span>
                    <span className="sketch-constraint__amount">{overlapText(item, lang, t)}</span>
                    {item.accuracy !== 'official' && item.accuracy !== 'sourced' && (
                      <span className="badge badge--illustrative">
                        {t(`sketch.accuracy.${accuracyKey(item.accuracy)}`)}
                      </span>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      <button type="button" className="button button--small" onClick={state.clearConstraints}>
        {t('sketch.constraints.close')}
      </button>
    </section>
  );
}

/** The title of the sketch whose report is shown ('' for the draft). */
function targetTitleOf(state: AppState): string {
  const target = state.constraintTarget;
  if (target?.kind !== 'sketch') return '';
  const sketch =
    state.sketches.find((candidate) => candidate.id === target.id) ??
    (state.selectedSketch?.id === target.id ? state.selectedSketch : null);
  return sketch?.properties.title ?? '';
}

/** The accuracy words the UI knows; any other the server may send reads as approximate. */
function accuracyKey(accuracy: string): 'illustrative' | 'approximate' {
  return accuracy === 'illustrative' ? 'illustrative' : 'approximate';
}
