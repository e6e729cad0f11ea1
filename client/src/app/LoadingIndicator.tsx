import { useAppStore } from '../store/useAppStore';
import { useT } from './useT';

/** Shown over the map while the layer list (and the point layers’ GeoJSON) loads; the map loads its tiles itself. */
export function LoadingIndicator() {
  const t = useT();
  const loading = useAppStore((state) => state.layersStatus === 'loading' || state.layersStatus === 'idle');
  return (
    <div className="loading-region" role="status" aria-live="polite">
      {loading && (
        <div className="loading" data-testid="loading">
          <span className="spinner" aria-hidden="true" />
          {t('loading.layers')}
        </div>
      )}
    </div>
  );
}
