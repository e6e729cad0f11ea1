import { useShallow } from 'zustand/react/shallow';
import { formatArea } from '@shared/i18n/formatArea';
import { formatLength } from '@shared/i18n/formatLength';
import { useAppStore } from '../../store/useAppStore';
import { useT } from '../../app/useT';

/**
 * The live measures of what is drawn (the drawing tool measures on the ellipsoid, to within 0.5 % of PostGIS's
 * EPSG:25832 figures that the saved sketch then shows). Not a live region: it changes with every mouse move.
 */
export function SketchMeasure() {
  const t = useT();
  const { measure, lang, drawing } = useAppStore(
    useShallow((state) => ({ measure: state.draftMeasure, lang: state.lang, drawing: state.drawingInProgress })),
  );
  return (
    <section
      className="sketch-measure"
      aria-labelledby="sketch-measure-heading"
      data-testid="sketch-measure"
      data-area-m2={measure?.area_m2 ?? undefined}
      data-perimeter-m={measure?.perimeter_m ?? undefined}
      data-length-m={measure?.length_m ?? undefined}
    >
      <h3 id="sketch-measure-heading" className="site-panel__subheading">
        {t(drawing ? 'sketch.measure.headingDrawing' : 'sketch.measure.heading')}
      </h3>
      {measure === null || (measure.area_m2 === null && measure.length_m === null) ? (
        <p className="panel__muted">{t(measure === null ? 'sketch.measure.none' : 'sketch.measure.point')}</p>
      ) : (
        <dl className="facts">
          {measure.area_m2 !== null && (
            <div className="facts__row">
              <dt>{t('sketch.measure.area')}</dt>
              <dd data-testid="sketch-measure-area">{formatArea({ m2: measure.area_m2, lang })}</dd>
            </div>
          )}
          {measure.perimeter_m !== null && (
            <div className="facts__row">
              <dt>{t('sketch.measure.perimeter')}</dt>
              <dd>{formatLength({ metres: measure.perimeter_m, lang })}</dd>
            </div>
          )}
          {measure.length_m !== null && (
            <div className="facts__row">
              <dt>{t('sketch.measure.length')}</dt>
              <dd data-testid="sketch-measure-length">{formatLength({ metres: measure.length_m, lang })}</dd>
            </div>
          )}
        </dl>
      )}
      <p className="panel__muted sketch-measure__cursor">{t('sketch.measure.cursor')}</p>
    </section>
  );
}
