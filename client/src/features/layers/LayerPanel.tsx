import { useShallow } from 'zustand/react/shallow';
import { THEMES } from '../../api/vocabulary';
import type { Layer } from '@shared/schemas/layer';
import type { Lang } from '@shared/i18n/Lang';
import { formatDate } from '@shared/i18n/formatDate';
import { FILL_BY_TENDER_STATUS } from '../../map/buildLayerSpecs';
import { ALL_LABELS_ID } from '../../map/ids';
import { useAppStore } from '../../store/useAppStore';
import { LegendSwatch } from './LegendSwatch';
import { TenderLegend } from '../tenders';
import { useT } from '../../app/useT';

/** Layers grouped by theme, each with a legend swatch, a visibility checkbox and an illustrative mark. */
export function LayerPanel() {
  const t = useT();
  const { layers, layersStatus, hiddenLayerIds, lang, toggleLayer } = useAppStore(
    useShallow((state) => ({
      layers: state.layers,
      layersStatus: state.layersStatus,
      hiddenLayerIds: state.hiddenLayerIds,
      lang: state.lang,
      toggleLayer: state.toggleLayer,
    })),
  );
  const hidden = new Set(hiddenLayerIds);
  return (
    <section className="panel" data-testid="layer-panel" aria-labelledby="layer-panel-heading">
      <h2 id="layer-panel-heading" className="panel__heading">
        {t('layers.heading')}
      </h2>
      {layersStatus === 'loading' && <p className="panel__muted">{t('loading.layers')}</p>}
      {layers.some((layer) => layer.style.label !== undefined) && (
        <div className="layer-row__main layer-panel__labels">
          <input
            id="layer-toggle-labels"
            type="checkbox"
            className="layer-row__checkbox"
            data-testid="layer-toggle-labels"
            checked={!hidden.has(ALL_LABELS_ID)}
            onChange={() => toggleLayer(ALL_LABELS_ID)}
          />
          <label htmlFor="layer-toggle-labels" className="layer-row__label">
            {t('layers.labels')}
          </label>
        </div>
      )}
      {THEMES.map((theme) => {
        const themed = layers.filter((layer) => layer.theme === theme);
        if (themed.length === 0) return null;
        return (
          <section key={theme} className="layer-group" aria-labelledby={`theme-${theme}`}>
            <h3 id={`theme-${theme}`} className="layer-group__heading">
              {t(`theme.${theme}`)}
            </h3>
            <ul className="layer-list">
              {themed.map((layer) => (
                <LayerRow
                  key={layer.id}
                  layer={layer}
                  lang={lang}
                  visible={!hidden.has(layer.id)}
                  onToggle={toggleLayer}
                />
              ))}
            </ul>
          </section>
        );
      })}
      {layers.some((layer) => layer.illustrative) && (
        <p className="layer-panel__note">
          <svg className="legend-swatch" width={22} height={14} aria-hidden="true">
            <rect
              x={1}
              y={1}
              width={20}
              height={12}
              fill="none"
              stroke="#333"
              strokeWidth={1.5}
              strokeDasharray="4 3"
            />
          </svg>
          {t('layers.illustrativeLegend')}
        </p>
      )}
    </section>
  );
}

function LayerRow({
  layer,
  lang,
  visible,
  onToggle,
}: {
  layer: Layer;
  lang: Lang;
  visible: boolean;
  onToggle(layerId: string): void;
}) {
  const t = useT();
  const inputId = `layer-toggle-${layer.id}`;
  return (
    <li className="layer-row">
      <div className="layer-row__main">
        <input
          id={inputId}
          type="checkbox"
          className="layer-row__checkbox"
          data-testid={inputId}
          checked={visible}
          onChange={() => onToggle(layer.id)}
        />
        <label htmlFor={inputId} className="layer-row__label">
          <LegendSwatch layer={layer} />
          <span className="layer-row__title">{layer.title[lang]}</span>
        </label>
        {layer.illustrative && (
          <span className="badge badge--illustrative" title={t('layers.illustrativeHint')}>
            {t('layers.illustrative')}
          </span>
        )}
        <span className="layer-row__count" title={t('layers.featureCount', { count: layer.feature_count })}>
          {layer.feature_count}
        </span>
      </div>
      {layer.source && (
        <p className="layer-row__source" title={layer.source.licence} data-testid={`layer-source-${layer.id}`}>
          {t('layers.source', {
            source: layer.source.name,
            date: formatDate({ isoDate: layer.source.imported_at.slice(0, 10), lang }),
          })}
        </p>
      )}
      {layer.style.fill === FILL_BY_TENDER_STATUS && visible && <TenderLegend />}
    </li>
  );
}
