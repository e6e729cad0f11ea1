import { useEffect, useRef, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Plot } from '@shared/schemas/plot';
import { formatArea } from '@shared/i18n/formatArea';
import { formatDate } from '@shared/i18n/formatDate';
import { formatLength } from '@shared/i18n/formatLength';
import { formatNumber } from '@shared/i18n/formatNumber';
import type { Lang } from '@shared/i18n/Lang';
import type { MessageKey } from '@shared/i18n/da';
import { useAppStore } from '../../store/useAppStore';
import { TenderStatusBadge } from '../tenders';
import { useT } from '../../app/useT';

type T = ReturnType<typeof useT>;

/** One row of the comparison: a label and how a plot's value reads. */
interface CompareRow {
  label: MessageKey;
  cell(plot: Plot, lang: Lang, t: T): ReactNode;
}

const number = (value: number | null, lang: Lang, unit: string, t: T): ReactNode =>
  value === null ? (
    <span className="muted">{t('site.notSet')}</span>
  ) : (
    `${formatNumber({ value, lang, maxFractionDigits: 1 })} ${unit}`
  );

const date = (isoDate: string | null, lang: Lang, t: T): ReactNode =>
  isoDate === null ? <span className="muted">{t('site.notSet')}</span> : formatDate({ isoDate, lang });

const nearest = (value: Plot['nearest_station'], lang: Lang, t: T): ReactNode =>
  value === null ? (
    <span className="muted">{t('site.notSet')}</span>
  ) : (
    <>
      {formatLength({ metres: value.distance_m, lang })} <span className="muted">({value.name})</span>
    </>
  );

const ROWS: CompareRow[] = [
  { label: 'site.area', cell: (plot, lang) => formatArea({ m2: plot.area_m2, lang }) },
  {
    label: 'site.planUse',
    cell: (plot, _lang, t) =>
      plot.plan_use ? t(`planUse.${plot.plan_use}`) : <span className="muted">{t('site.notSet')}</span>,
  },
  { label: 'site.maxHeight', cell: (plot, lang, t) => number(plot.max_height_m, lang, 'm', t) },
  { label: 'site.plotRatio', cell: (plot, lang, t) => number(plot.plot_ratio_pct, lang, '%', t) },
  {
    label: 'compare.tenderStatus',
    cell: (plot, lang) => <TenderStatusBadge status={plot.tender_status} lang={lang} />,
  },
  {
    label: 'site.plannedYear',
    cell: (plot, _lang, t) =>
      plot.planned_year === null ? <span className="muted">{t('site.notSet')}</span> : String(plot.planned_year),
  },
  { label: 'site.opensOn', cell: (plot, lang, t) => date(plot.opens_on, lang, t) },
  { label: 'site.closesOn', cell: (plot, lang, t) => date(plot.closes_on, lang, t) },
  { label: 'compare.nearestStation', cell: (plot, lang, t) => nearest(plot.nearest_station, lang, t) },
  { label: 'compare.nearestJunction', cell: (plot, lang, t) => nearest(plot.nearest_junction, lang, t) },
  {
    label: 'site.accuracy',
    cell: (plot, _lang, t) => (
      <span data-accuracy={plot.accuracy}>
        {t(`accuracy.${plot.accuracy}`)}
        {plot.accuracy === 'illustrative' && (
          <span className="warning compare__warning" role="note">
            {t('accuracy.warningIllustrative')}
          </span>
        )}
      </span>
    ),
  },
];

/**
 * The side-by-side comparison of up to four shortlisted plots, one column per plot, as a modal dialog over the map.
 * Escape and the close button close it; focus goes back to where it was.
 */
export function CompareDialog() {
  const t = useT();
  const state = useAppStore(
    useShallow((s) => ({
      compareOpen: s.compareOpen,
      compareIds: s.compareIds,
      allPlots: s.allPlots,
      allPlotsStatus: s.allPlotsStatus,
      lang: s.lang,
      closeCompare: s.closeCompare,
      loadAllPlots: s.loadAllPlots,
    })),
  );
  const { compareOpen, closeCompare, allPlotsStatus, loadAllPlots } = state;
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (compareOpen && allPlotsStatus === 'idle') void loadAllPlots();
  }, [compareOpen, allPlotsStatus, loadAllPlots]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!compareOpen || !dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-testid="compare-close"]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      const back = opener?.isConnected ? opener : document.querySelector<HTMLElement>('[data-testid="compare-open"]');
      back?.focus();
    };
  }, [compareOpen]);

  if (!compareOpen) return null;
  const plots = state.compareIds.flatMap((id) => state.allPlots.filter((plot) => plot.id === id));
  const missing = state.compareIds.filter((id) => !state.allPlots.some((plot) => plot.id === id));
  return (
    <dialog
      ref={dialogRef}
      className="compare"
      data-testid="compare-dialog"
      aria-labelledby="compare-heading"
      onCancel={(event) => {
        // Escape: the store decides what is open, not the browser.
        event.preventDefault();
        closeCompare();
      }}
    >
      <div className="compare__top">
        <h2 id="compare-heading" className="site-panel__heading">
          {t('compare.heading')}
        </h2>
        <button
          type="button"
          className="button button--icon"
          data-testid="compare-close"
          aria-label={t('compare.closeLabel')}
          title={t('compare.close')}
          onClick={closeCompare}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {allPlotsStatus === 'loading' && (
        <p className="panel__muted" role="status">
          {t('compare.loading')}
        </p>
      )}
      {allPlotsStatus === 'error' && (
        <div className="warning" role="alert">
          <p>{t('compare.error')}</p>
          <button type="button" className="button button--small" onClick={() => void loadAllPlots()}>
            {t('error.retry')}
          </button>
        </div>
      )}
      {allPlotsStatus === 'ready' && missing.length > 0 && (
        <p className="warning warning--mild" role="note">
          {t('compare.missing', { ids: missing.join(', ') })}
        </p>
      )}
      {plots.length > 0 && (
        <div className="compare__scroll">
          <table className="compare__table" data-testid="compare-table" aria-labelledby="compare-heading">
            <thead>
              <tr>
                <th scope="col">{t('compare.property')}</th>
                {plots.map((plot) => (
                  <th key={plot.id} scope="col" data-testid="compare-name" data-plot-id={plot.id}>
                    {plot.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ROWS.map((row) => (
                <tr key={row.label} data-row={row.label}>
                  <th scope="row">{t(row.label)}</th>
                  {plots.map((plot) => (
                    <td key={plot.id} data-plot-id={plot.id}>
                      {row.cell(plot, state.lang, t)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </dialog>
  );
}
