import { parseDike, parseFloodLevel } from './floodUrlValues';
import { linkParamReader } from '../../app/linkParamReader';
import { floodLevelText } from '../finder';
import { DEFAULT_CLIMATE_COMPARE_VIEW, parseClimateCompareView, type ClimateCompareView } from './ClimateCompareView';
import { DEFAULT_CLIMATE, type ClimateScenario } from './ClimateScenario';

/**
 * The link parameters of the climate view and the presentation (issue #7), in the order they are written.
 * `compare_to` (not `compare`, which names the plots of the plot comparison) holds scenario B as `level/dike`,
 * `compare_view` how B is shown (`swipe`; the overlay is the default and not written).
 */
export const CLIMATE_PARAMS = ['level', 'dike', 'compare_to', 'compare_view', 'present'] as const;
export type ClimateParam = (typeof CLIMATE_PARAMS)[number];

/** The climate view's part of a link. */
export interface ClimateUrlState {
  climate: ClimateScenario;
  /** Scenario B of the comparison; null when the comparison is off. */
  climateCompare: ClimateScenario | null;
  /** How scenario B is shown: under A on the map, or swiped. */
  climateCompareView: ClimateCompareView;
  /** The presentation's step, 1-based; null when not presenting. */
  present: number | null;
}

/** A step of the presentation: one per policy initiative (ten today), never 0. */
const STEP = /^[1-9]\d?$/;

/**
 * Reads `level=1.8&dike=without&compare_to=3.45/with&compare_view=swipe&present=3`. Each parameter that cannot be read falls back to
 * its default on its own and is named in `ignored`, as the finder's parameters are.
 */
export function parseClimateParams(params: URLSearchParams): ClimateUrlState & { ignored: ClimateParam[] } {
  const ignored: ClimateParam[] = [];
  const read = linkParamReader(params, ignored);
  return {
    climate: {
      level: read('level', parseFloodLevel, DEFAULT_CLIMATE.level),
      dike: read('dike', parseDike, DEFAULT_CLIMATE.dike),
    },
    climateCompare: read('compare_to', parseScenario, null),
    climateCompareView: read('compare_view', parseClimateCompareView, DEFAULT_CLIMATE_COMPARE_VIEW),
    present: read('present', (text) => (STEP.test(text) ? Number(text) : undefined), null),
    ignored,
  };
}

/**
 * The climate view's parameters as `name=value` link parts: the scenario (and scenario B) only while the climate
 * tab is open (and how B is shown, when not the default), the presentation's step whenever it runs.
 */
export function formatClimateParams({
  climateOpen,
  climate,
  climateCompare,
  climateCompareView,
  present,
}: ClimateUrlState & { climateOpen: boolean }): string[] {
  const parts: string[] = [];
  if (climateOpen && parseFloodLevel(floodLevelText(climate.level)) !== undefined) {
    parts.push(`level=${floodLevelText(climate.level)}`, `dike=${climate.dike}`);
    if (climateCompare !== null && parseFloodLevel(floodLevelText(climateCompare.level)) !== undefined) {
      parts.push(`compare_to=${floodLevelText(climateCompare.level)}/${climateCompare.dike}`);
      if (climateCompareView !== DEFAULT_CLIMATE_COMPARE_VIEW) parts.push(`compare_view=${climateCompareView}`);
    }
  }
  if (present !== null && Number.isInteger(present) && STEP.test(String(present))) parts.push(`present=${present}`);
  return parts;
}

/** `3.45/with`: a level and a dike state. */
function parseScenario(text: string): ClimateScenario | undefined {
  const [levelText, dikeText, ...rest] = text.split('/');
  if (levelText === undefined || dikeText === undefined || rest.length > 0) return undefined;
  const level = parseFloodLevel(levelText);
  const dike = parseDike(dikeText);
  return level === undefined || dike === undefined ? undefined : { level, dike };
}
