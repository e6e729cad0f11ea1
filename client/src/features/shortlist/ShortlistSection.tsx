import { useShallow } from 'zustand/react/shallow';
import { MAX_COMPARE, MAX_SHORTLIST } from './Shortlist';
import { useAppStore } from '../../store/useAppStore';
import { useT } from '../../app/useT';

/** The shortlist in the finder tab: each plot with a compare checkbox and a remove button, and "Sammenlign". */
export function ShortlistSection() {
  const t = useT();
  const state = useAppStore(
    useShallow((s) => ({
      shortlist: s.shortlist,
      compareIds: s.compareIds,
      allPlots: s.allPlots,
      toggleShortlist: s.toggleShortlist,
      toggleCompare: s.toggleCompare,
      openCompare: s.openCompare,
    })),
  );
  const { shortlist, compareIds } = state;
  const nameOf = (id: string) => state.allPlots.find((plot) => plot.id === id)?.name ?? t('shortlist.unknown', { id });
  const canCompare = compareIds.length >= 2;
  return (
    <section className="shortlist" data-testid="shortlist" aria-labelledby="shortlist-heading">
      <h3 id="shortlist-heading" className="finder-results__heading">
        {t('shortlist.heading')} ({shortlist.length}/{MAX_SHORTLIST})
      </h3>
      {shortlist.length === 0 ? (
        <p className="muted shortlist__hint">{t('shortlist.empty')}</p>
      ) : (
        <>
          <ul className="shortlist__list" aria-labelledby="shortlist-heading">
            {shortlist.map((id) => {
              const name = nameOf(id);
              const checked = compareIds.includes(id);
              return (
                <li key={id} className="shortlist__item" data-testid="shortlist-item" data-plot-id={id}>
                  <label className="shortlist__label">
                    <input
                      type="checkbox"
                      data-testid="compare-checkbox"
                      checked={checked}
                      disabled={!checked && compareIds.length >= MAX_COMPARE}
                      aria-label={t('shortlist.compareLabel', { name })}
                      onChange={() => state.toggleCompare(id)}
                    />
                    <span className="shortlist__name">{name}</span>
                  </label>
                  <button
                    type="button"
                    className="button button--small"
                    data-testid="shortlist-remove"
                    aria-label={t('shortlist.removeLabel', { name })}
                    onClick={() => state.toggleShortlist(id)}
                  >
                    {t('shortlist.remove')}
                  </button>
                </li>
              );
            })}
          </ul>
          <p className="muted shortlist__hint" id="compare-hint">
            {t('shortlist.compareHint', { max: MAX_COMPARE })}{' '}
            <span data-testid="compare-count">
              {t('shortlist.compareCount', { count: compareIds.length, max: MAX_COMPARE })}
            </span>
          </p>
          <button
            type="button"
            className="button"
            data-testid="compare-open"
            aria-describedby="compare-hint"
            aria-disabled={!canCompare || undefined}
            aria-haspopup="dialog"
            onClick={() => {
              if (canCompare) state.openCompare();
            }}
          >
            {t('shortlist.compare')}
          </button>
        </>
      )}
    </section>
  );
}
