import {
  DIKE_CREST_LEVEL,
  FLOOD_LEVEL_RANGE,
  FLOOD_SCENARIOS,
  SEA_LEVEL_RISE_2100,
} from '@shared/flood/floodScenarios';
import type { DikeState } from '@shared/schemas/flood';

/** A still-water level at Køge Havn (metres DVR90, 0–4, whole centimetres) and whether Køge Dige holds (issue #7). */
export interface ClimateScenario {
  level: number;
  dike: DikeState;
}

/** The climate view opens on the storm surge of October 2023 with the dike (Køge Kommune's figure, issue #7). */
export const DEFAULT_CLIMATE: Readonly<ClimateScenario> = { level: 1.8, dike: 'with' };

/** The slider's step in metres (issue #7: 5 cm). */
export const LEVEL_STEP_M = 0.05;

/** The scenario no sea-level rise is offered on: it already is the 2115 event (issue #7). */
const NO_RISE_SCENARIO = 'thousand-year-2115';

/** Rounds metres to whole centimetres, the precision the flood API takes; no "-0". */
export function roundLevel(metres: number): number {
  const rounded = Math.round(metres * 100) / 100;
  return rounded === 0 ? 0 : rounded;
}

/** Keeps a level (metres DVR90) within the flood model's range (FLOOD_LEVEL_RANGE) at whole centimetres. */
export function clampLevel(metres: number): number {
  return roundLevel(Math.min(FLOOD_LEVEL_RANGE.max, Math.max(FLOOD_LEVEL_RANGE.min, metres)));
}

/** A named scenario's level plus a sea-level rise by 2100, in metres DVR90 (whole centimetres). */
export function levelWithRise({ scenarioId, riseId }: { scenarioId: string; riseId: string | null }): number | null {
  const scenario = FLOOD_SCENARIOS.find((candidate) => candidate.id === scenarioId);
  if (scenario === undefined) return null;
  const rise = riseId === null ? 0 : SEA_LEVEL_RISE_2100.find((candidate) => candidate.id === riseId)?.rise;
  return rise === undefined ? null : roundLevel(scenario.level + rise);
}

/** A sea-level-rise choice for a scenario: disabled where it is not offered or would pass the model's 4 m. */
export interface RiseOption {
  id: string;
  rise: number;
  level: number;
  disabled: boolean;
}

/**
 * The sea-level rises the select offers on top of a scenario. None on the 2115 event (it is already a future
 * level); a rise whose sum exceeds FLOOD_LEVEL_RANGE.max is listed but disabled.
 */
export function riseOptions(scenarioId: string): RiseOption[] {
  const scenario = FLOOD_SCENARIOS.find((candidate) => candidate.id === scenarioId);
  if (scenario === undefined || scenario.id === NO_RISE_SCENARIO) return [];
  return SEA_LEVEL_RISE_2100.map(({ id, rise }) => {
    const level = roundLevel(scenario.level + rise);
    return { id, rise, level, disabled: level > FLOOD_LEVEL_RANGE.max };
  });
}

/**
 * The named scenario (and sea-level rise) a level is, or null for a level of its own. The sums are distinct
 * (issue #7's scenarios and rises), so the level alone, as the link carries it, restores the choice.
 */
export function scenarioOfLevel(level: number): { scenarioId: string; riseId: string | null } | null {
  const metres = roundLevel(level);
  for (const scenario of FLOOD_SCENARIOS) {
    if (roundLevel(scenario.level) === metres) return { scenarioId: scenario.id, riseId: null };
  }
  for (const scenario of FLOOD_SCENARIOS) {
    const match = riseOptions(scenario.id).find((option) => !option.disabled && option.level === metres);
    if (match) return { scenarioId: scenario.id, riseId: match.id };
  }
  return null;
}

/** Whether the sea at `level` (metres DVR90) stands above Køge Dige's crest (2.8 m DVR90). */
export function overtopsDike(level: number): boolean {
  return roundLevel(level) > DIKE_CREST_LEVEL;
}
