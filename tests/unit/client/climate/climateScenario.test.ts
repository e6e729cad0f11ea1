import { describe, expect, it } from 'vitest';
import { FLOOD_SCENARIOS, SEA_LEVEL_RISE_2100 } from '@shared/flood/floodScenarios';
import {
  clampLevel,
  levelWithRise,
  overtopsDike,
  riseOptions,
  roundLevel,
  scenarioOfLevel,
} from '../../../../client/src/features/climate/ClimateScenario';

describe('climate levels', () => {
  it('add a sea-level rise to a scenario at whole centimetres (no floating-point tails)', () => {
    expect(levelWithRise({ scenarioId: 'storm-2017', riseId: 'low-emissions' })).toBe(1.92);
    expect(levelWithRise({ scenarioId: 'storm-2023', riseId: 'high-emissions' })).toBe(2.3);
    expect(levelWithRise({ scenarioId: 'dike-design-1872', riseId: 'koege-planning' })).toBe(3.6);
    expect(levelWithRise({ scenarioId: 'storm-2023', riseId: null })).toBe(1.8);
  });

  it('know no unknown scenario or rise', () => {
    expect(levelWithRise({ scenarioId: 'storm-1999', riseId: null })).toBeNull();
    expect(levelWithRise({ scenarioId: 'storm-2023', riseId: 'plus-ten' })).toBeNull();
  });

  it('offer no rise on the 2115 event and every rise below 4 m elsewhere', () => {
    expect(riseOptions('thousand-year-2115')).toEqual([]);
    expect(riseOptions('storm-2023').map((option) => [option.level, option.disabled])).toEqual([
      [2.15, false],
      [2.3, false],
      [2.6, false],
    ]);
    expect(riseOptions('dike-design-1872').every((option) => !option.disabled)).toBe(true);
  });

  it('disable a rise whose sum passes the model’s 4 m', () => {
    // No scenario today reaches past 4 m with a rise; check the rule on every combination.
    for (const scenario of FLOOD_SCENARIOS) {
      for (const option of riseOptions(scenario.id)) expect(option.disabled).toBe(option.level > 4);
    }
    expect(riseOptions('storm-2023')).toHaveLength(SEA_LEVEL_RISE_2100.length);
  });

  it('recognise a scenario, with or without a rise, from the level alone', () => {
    expect(scenarioOfLevel(1.8)).toEqual({ scenarioId: 'storm-2023', riseId: null });
    expect(scenarioOfLevel(2.3)).toEqual({ scenarioId: 'storm-2023', riseId: 'high-emissions' });
    expect(scenarioOfLevel(3.45)).toEqual({ scenarioId: 'thousand-year-2115', riseId: null });
    expect(scenarioOfLevel(1.85)).toBeNull();
  });

  it('give every scenario-and-rise sum back as that choice', () => {
    for (const scenario of FLOOD_SCENARIOS) {
      for (const option of riseOptions(scenario.id)) {
        expect(scenarioOfLevel(option.level)).toEqual({ scenarioId: scenario.id, riseId: option.id });
      }
    }
  });

  it('keep levels within 0–4 m at whole centimetres', () => {
    expect(clampLevel(-0.2)).toBe(0);
    expect(clampLevel(4.3)).toBe(4);
    expect(clampLevel(1.8500000000000003)).toBe(1.85);
    expect(roundLevel(-0.001)).toBe(0);
    expect(Object.is(roundLevel(-0.001), -0)).toBe(false);
  });

  it('say the dike is overtopped only above its 2.8 m crest', () => {
    expect(overtopsDike(2.8)).toBe(false);
    expect(overtopsDike(2.85)).toBe(true);
    expect(overtopsDike(1.8)).toBe(false);
  });
});
