import { useShallow } from 'zustand/react/shallow';
import { MAX_SHORTLIST } from './Shortlist';
import { useAppStore } from '../../store/useAppStore';
import { useT } from '../../app/useT';

/** "☆ Husk": puts a plot on the shortlist or takes it off (a toggle button, aria-pressed). */
export function ShortlistToggle({ plotId, name }: { plotId: string; name: string }) {
  const t = useT();
  const { pressed, full, toggleShortlist } = useAppStore(
    useShallow((state) => ({
      pressed: state.shortlist.includes(plotId),
      full: state.shortlist.length >= MAX_SHORTLIST,
      toggleShortlist: state.toggleShortlist,
    })),
  );
  const disabled = !pressed && full;
  return (
    <button
      type="button"
      className={`button button--small shortlist-toggle${pressed ? ' shortlist-toggle--pressed' : ''}`}
      data-testid="shortlist-toggle"
      data-plot-id={plotId}
      aria-pressed={pressed}
      aria-label={t('shortlist.toggleLabel', { name })}
      aria-disabled={disabled || undefined}
      title={disabled ? t('shortlist.full', { max: MAX_SHORTLIST }) : undefined}
      onClick={() => {
        if (!disabled) toggleShortlist(plotId);
      }}
    >
      <span aria-hidden="true">{pressed ? '★' : '☆'}</span> {t('shortlist.toggle')}
    </button>
  );
}
