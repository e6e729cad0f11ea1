import { useShallow } from 'zustand/react/shallow';
import type { MessageKey } from '@shared/i18n/da';
import { useAppStore } from '../store/useAppStore';
import { useT } from './useT';

interface Failure {
  key: string;
  message: MessageKey;
  detail: string;
  retry(): void;
}

/** One banner listing every failed request, each with its retry button. Never a silent blank map. */
export function ErrorBanner() {
  const t = useT();
  const state = useAppStore(
    useShallow((s) => ({
      layersError: s.layersError,
      siteError: s.siteError,
      policyError: s.policyError,
      tilesError: s.tilesError,
      loadLayers: s.loadLayers,
      loadSite: s.loadSite,
      loadPolicy: s.loadPolicy,
      retryTiles: s.retryTiles,
    })),
  );
  const failures: Failure[] = [];
  if (state.layersError !== null) {
    failures.push({
      key: 'layers',
      message: 'error.layers',
      detail: state.layersError,
      retry: () => void state.loadLayers(),
    });
  }
  if (state.tilesError !== null) {
    failures.push({ key: 'tiles', message: 'error.tiles', detail: state.tilesError, retry: state.retryTiles });
  }
  if (state.policyError !== null) {
    failures.push({
      key: 'policy',
      message: 'error.policy',
      detail: state.policyError,
      retry: () => void state.loadPolicy(),
    });
  }
  if (state.siteError !== null) {
    failures.push({ key: 'site', message: 'error.site', detail: state.siteError, retry: () => void state.loadSite() });
  }
  // The live region stays in the document so that screen readers announce what appears in it.
  return (
    <div className="error-region" role="alert" aria-live="assertive">
      {failures.length > 0 && (
        <div className="error-banner" data-testid="error-banner">
          <p className="error-banner__heading">{t('error.heading')}</p>
          <ul className="error-banner__list">
            {failures.map((failure) => (
              <li key={failure.key} className="error-banner__item">
                <span>
                  <strong>{t(failure.message)}</strong> <span className="error-banner__detail">{failure.detail}</span>
                </span>
                <button
                  type="button"
                  className="button button--small"
                  data-testid={`error-retry-${failure.key}`}
                  onClick={failure.retry}
                >
                  {t('error.retry')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
