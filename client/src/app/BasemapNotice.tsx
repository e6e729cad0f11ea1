import { useT } from './useT';

/**
 * Says, politely and once, that the online basemap could not be reached and that the map goes on without it
 * (issue #16). The live region is always there, so that a screen reader announces the text when it comes.
 */
export function BasemapNotice({ shown, onDismiss }: { shown: boolean; onDismiss(): void }) {
  const t = useT();
  return (
    <div className="basemap-notice" role="status" data-testid="basemap-status">
      {shown && (
        <>
          <span data-testid="basemap-notice">{t('map.basemapUnavailable')}</span>
          <button type="button" className="button button--small button--ghost" onClick={onDismiss}>
            {t('map.basemapNoticeDismiss')}
          </button>
        </>
      )}
    </div>
  );
}
