import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatDateTime } from '@shared/i18n/formatDate';
import { useAppStore } from '../../store/useAppStore';
import { sketchSizeText } from './sketchMeasureText';
import { useT } from '../../app/useT';

/**
 * The live sketches, newest change first: title, use, size, version, who changed it last and when. Each is a button
 * (the map's accessible twin): choosing one selects it and fits the map to it.
 */
export function SketchList() {
  const t = useT();
  const { sketches, status, error, selectedId, lang, loadSketches, selectSketch } = useAppStore(
    useShallow((state) => ({
      sketches: state.sketches,
      status: state.sketchesStatus,
      error: state.sketchesError,
      selectedId: state.selectedSketchId,
      lang: state.lang,
      loadSketches: state.loadSketches,
      selectSketch: state.selectSketch,
    })),
  );
  const sorted = useMemo(
    () => [...sketches].sort((a, b) => b.properties.updated_at.localeCompare(a.properties.updated_at)),
    [sketches],
  );
  return (
    <section className="sketch-list" aria-labelledby="sketch-list-heading" data-testid="sketch-list">
      <h3 id="sketch-list-heading" className="site-panel__subheading">
        {t('sketch.list.heading')}
        {status === 'ready' && ` (${sketches.length})`}
      </h3>
      {status === 'loading' && (
        <p className="panel__muted">
          <span className="spinner spinner--inline" aria-hidden="true" /> {t('sketch.list.loading')}
        </p>
      )}
      {status === 'error' && (
        <div className="warning" role="alert">
          <p>
            {t('sketch.list.error')} <span className="error-banner__detail">{error}</span>
          </p>
          <button type="button" className="button button--small" onClick={() => void loadSketches()}>
            {t('error.retry')}
          </button>
        </div>
      )}
      {status === 'ready' && sketches.length === 0 && <p className="panel__muted">{t('sketch.list.empty')}</p>}
      {sorted.length > 0 && (
        <ul className="sketch-list__items">
          {sorted.map((sketch) => {
            const p = sketch.properties;
            const size = sketchSizeText({ measure: p, lang });
            return (
              <li key={sketch.id}>
                <button
                  type="button"
                  className="sketch-item"
                  aria-current={sketch.id === selectedId ? 'true' : undefined}
                  data-testid={`sketch-item-${sketch.id}`}
                  onClick={() => selectSketch(sketch.id, { focus: true })}
                >
                  <span className="sketch-item__title">{p.title}</span>
                  <span className="sketch-item__line">
                    {p.proposed_use} {t(`plandataUse.${p.proposed_use}`)}
                    {size !== null && ` · ${size}`}
                  </span>
                  <span className="sketch-item__line sketch-item__muted">
                    {t('sketch.list.version', {
                      version: p.version,
                      who: p.updated_by.name,
                      when: formatDateTime({ isoDateTime: p.updated_at, lang }),
                    })}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
