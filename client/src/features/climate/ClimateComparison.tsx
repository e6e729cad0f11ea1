import { useShallow } from 'zustand/react/shallow';
import { FLOOD_SCENARIOS } from '@shared/flood/floodScenarios';
import type { DikeState } from '@shared/schemas/flood';
import { floodLevelText } from '../finder';
import type { FloodExtent } from './FloodExtent';
import { formatLevel } from '@shared/i18n/formatLevel';
import { formatSquareKm } from '@shared/i18n/formatSquareKm';
import type { Lang } from '@shared/i18n/Lang';
import {
  FLOOD_COMPARE_FILL_COLOR,
  FLOOD_COMPARE_LINE_COLOR,
  FLOOD_FILL_COLOR,
  FLOOD_LINE_COLOR,
} from '../../map/buildFloodLayers';
import type { ClimateCompareView } from './ClimateCompareView';
import type { ClimateScenario } from './ClimateScenario';
import { useAppStore } from '../../store/useAppStore';
import { useT } from '../../app/useT';

/** The ways to show B, in the order offered: the overlay first, as the default. */
const COMPARE_VIEWS = ['overlay', 'swipe'] as const satisfies readonly ClimateCompareView[];

/**
 * The comparison of two scenarios (issue #7): B is drawn orange with a dashed outline under A's blue, so the land
 * only B floods stands out, or, as a swipe, on a second map right of a divider; the legend gives each one's flooded
 * area and the difference.
 */
export function ClimateComparison() {
  const t = useT();
  const { climate, compare, view, lang, setCompare, setView, extent, compareExtent, status } = useAppStore(
    useShallow((state) => ({
      climate: state.climate,
      compare: state.climateCompare,
      view: state.climateCompareView,
      setView: state.setClimateCompareView,
      lang: state.lang,
      setCompare: state.setClimateCompare,
      extent: state.climateExtent,
      compareExtent: state.climateCompareExtent,
      status: state.climateStatus,
    })),
  );
  const named = compare === null || FLOOD_SCENARIOS.some((scenario) => scenario.level === compare.level);
  const ready = status === 'ready' && extent !== null && compareExtent !== null && compare !== null;

  return (
    <section className="climate-section" aria-labelledby="climate-compare-heading" data-testid="climate-compare">
      <h3 id="climate-compare-heading" className="climate-section__heading">
        {t('climate.compareHeading')}
      </h3>
      <label className="climate-check">
        <input
          type="checkbox"
          data-testid="climate-compare-toggle"
          checked={compare !== null}
          onChange={(event) =>
            // B starts as A with the other dike state: the dike's effect, the council's first question.
            setCompare(
              event.target.checked
                ? { level: climate.level, dike: climate.dike === 'with' ? 'without' : 'with' }
                : null,
            )
          }
        />
        {t('climate.compareToggle')}
      </label>
      {compare !== null && (
        <>
          <div className="finder-number">
            <label htmlFor="climate-compare-level" className="finder-number__label">
              {t('climate.compareLevel')}
            </label>
            <select
              id="climate-compare-level"
              data-testid="climate-compare-level"
              value={floodLevelText(compare.level)}
              onChange={(event) => setCompare({ ...compare, level: Number(event.target.value) })}
            >
              {FLOOD_SCENARIOS.map((scenario) => (
                <option key={scenario.id} value={floodLevelText(scenario.level)}>
                  {`${lang === 'da' ? scenario.labelDa : scenario.labelEn} (${formatLevel({ metres: scenario.level, lang })})`}
                </option>
              ))}
              {!named && (
                <option value={floodLevelText(compare.level)}>
                  {t('climate.levelValue', { level: formatLevel({ metres: compare.level, lang }) })}
                </option>
              )}
            </select>
          </div>
          <div className="finder-number">
            <label htmlFor="climate-compare-dike" className="finder-number__label">
              {t('climate.compareDike')}
            </label>
            <select
              id="climate-compare-dike"
              data-testid="climate-compare-dike"
              value={compare.dike}
              onChange={(event) => setCompare({ ...compare, dike: event.target.value as DikeState })}
            >
              <option value="with">{t('climate.withDike')}</option>
              <option value="without">{t('climate.withoutDike')}</option>
            </select>
          </div>
          <fieldset className="climate-dike" data-testid="climate-compare-view">
            <legend>{t('climate.compareView')}</legend>
            {COMPARE_VIEWS.map((option) => (
              <label key={option} className="climate-dike__option">
                <input
                  type="radio"
                  name="climate-compare-view"
                  value={option}
                  data-testid={`climate-compare-view-${option}`}
                  checked={view === option}
                  aria-describedby={option === 'swipe' ? 'climate-compare-swipe-hint' : undefined}
                  onChange={() => setView(option)}
                />
                {t(option === 'swipe' ? 'climate.compareSwipe' : 'climate.compareOverlay')}
              </label>
            ))}
            <p id="climate-compare-swipe-hint" className="climate-hint muted">
              {t('climate.compareSwipeHint')}
            </p>
          </fieldset>
          <ul className="climate-legend" data-testid="climate-compare-legend" aria-busy={!ready}>
            <LegendRow
              letter="A"
              scenario={climate}
              extent={ready ? extent : null}
              lang={lang}
              fill={FLOOD_FILL_COLOR}
              line={FLOOD_LINE_COLOR}
              testId="climate-compare-a"
            />
            <LegendRow
              letter="B"
              scenario={compare}
              extent={ready ? compareExtent : null}
              lang={lang}
              fill={FLOOD_COMPARE_FILL_COLOR}
              line={FLOOD_COMPARE_LINE_COLOR}
              dashed
              testId="climate-compare-b"
            />
          </ul>
          {ready && (
            <p className="climate-compare__difference" data-testid="climate-compare-difference">
              {t(view === 'swipe' ? 'climate.compareDifferenceSwipe' : 'climate.compareDifference', {
                area: formatSquareKm({
                  m2: compareExtent.properties.flooded_area_m2 - extent.properties.flooded_area_m2,
                  lang,
                  signed: true,
                }),
              })}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function LegendRow({
  letter,
  scenario,
  extent,
  lang,
  fill,
  line,
  dashed = false,
  testId,
}: {
  letter: string;
  scenario: ClimateScenario;
  extent: FloodExtent | null;
  lang: Lang;
  fill: string;
  line: string;
  dashed?: boolean;
  testId: string;
}) {
  const t = useT();
  return (
    <li className="climate-legend__row" data-testid={testId}>
      <svg className="legend-swatch" width={22} height={14} aria-hidden="true">
        <rect
          x={1}
          y={1}
          width={20}
          height={12}
          fill={fill}
          fillOpacity={0.6}
          stroke={line}
          strokeWidth={1.5}
          strokeDasharray={dashed ? '4 3' : undefined}
        />
      </svg>
      <span>
        <strong>{letter}</strong>{' '}
        {t('climate.scenarioLine', {
          level: formatLevel({ metres: scenario.level, lang }),
          dike: t(scenario.dike === 'with' ? 'climate.withDike' : 'climate.withoutDike'),
        })}
        {': '}
        <span data-testid={`${testId}-area`}>
          {extent === null ? '…' : formatSquareKm({ m2: extent.properties.flooded_area_m2, lang })}
        </span>
      </span>
    </li>
  );
}
