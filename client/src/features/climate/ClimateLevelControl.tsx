import { useShallow } from 'zustand/react/shallow';
import { FLOOD_LEVEL_RANGE, FLOOD_SCENARIOS, SEA_LEVEL_RISE_2100 } from '@shared/flood/floodScenarios';
import type { DikeState } from '@shared/schemas/flood';
import { formatLevel } from '@shared/i18n/formatLevel';
import { LEVEL_STEP_M, levelWithRise, riseOptions, scenarioOfLevel } from './ClimateScenario';
import { useAppStore } from '../../store/useAppStore';
import { useT } from '../../app/useT';

/**
 * Scenario A of the climate view (issue #7): a water-level slider (keyboard: arrows move 5 cm), the named storm
 * surges, a sea-level rise by 2100 on top of the chosen one, and whether Køge Dige stands.
 */
export function ClimateLevelControl() {
  const t = useT();
  const { level, dike, lang, setClimate } = useAppStore(
    useShallow((state) => ({
      level: state.climate.level,
      dike: state.climate.dike,
      lang: state.lang,
      setClimate: state.setClimate,
    })),
  );
  const named = scenarioOfLevel(level);
  const rises = named === null ? [] : riseOptions(named.scenarioId);
  const levelText = t('climate.levelValue', { level: formatLevel({ metres: level, lang }) });

  const chooseScenario = (scenarioId: string) => {
    // A rise already chosen stays on the new scenario where it is offered there.
    const keep = rises.length > 0 && riseOptions(scenarioId).some((o) => o.id === named?.riseId && !o.disabled);
    setClimate({ level: levelWithRise({ scenarioId, riseId: keep ? (named?.riseId ?? null) : null }) ?? level });
  };

  return (
    <fieldset className="climate-fieldset" data-testid="climate-level-control">
      <legend>{t('climate.scenarioGroup')}</legend>
      <div className="climate-slider">
        <label htmlFor="climate-level" className="climate-slider__label">
          {t('climate.level')}
        </label>
        <output htmlFor="climate-level" className="climate-slider__value" data-testid="climate-level-value">
          {levelText}
        </output>
        <input
          id="climate-level"
          type="range"
          data-testid="climate-level"
          min={FLOOD_LEVEL_RANGE.min}
          max={FLOOD_LEVEL_RANGE.max}
          step={LEVEL_STEP_M}
          value={level}
          aria-valuetext={levelText}
          onChange={(event) => setClimate({ level: Number(event.target.value) }, { debounce: true })}
        />
      </div>
      <div className="climate-scenarios" role="group" aria-label={t('climate.scenarios')}>
        {FLOOD_SCENARIOS.map((scenario) => (
          <button
            key={scenario.id}
            type="button"
            className="climate-scenario"
            data-testid={`climate-scenario-${scenario.id}`}
            aria-pressed={named?.scenarioId === scenario.id}
            onClick={() => chooseScenario(scenario.id)}
          >
            <span>{lang === 'da' ? scenario.labelDa : scenario.labelEn}</span>
            <span className="climate-scenario__level">{formatLevel({ metres: scenario.level, lang })}</span>
          </button>
        ))}
      </div>
      <div className="finder-number">
        <label htmlFor="climate-rise" className="finder-number__label">
          {t('climate.rise')}
        </label>
        <select
          id="climate-rise"
          data-testid="climate-rise"
          value={named?.riseId ?? ''}
          disabled={rises.length === 0}
          aria-describedby="climate-rise-hint"
          onChange={(event) => {
            if (named === null) return;
            const riseId = event.target.value === '' ? null : event.target.value;
            setClimate({ level: levelWithRise({ scenarioId: named.scenarioId, riseId }) ?? level });
          }}
        >
          <option value="">{t('climate.riseNone')}</option>
          {rises.map((option) => {
            const rise = SEA_LEVEL_RISE_2100.find((candidate) => candidate.id === option.id);
            return (
              <option key={option.id} value={option.id} disabled={option.disabled}>
                {`${rise === undefined ? '' : lang === 'da' ? rise.labelDa : rise.labelEn} → ${formatLevel({ metres: option.level, lang })}`}
              </option>
            );
          })}
        </select>
        <p id="climate-rise-hint" className="climate-hint muted">
          {named === null
            ? t('climate.riseNeedsScenario')
            : rises.length === 0
              ? t('climate.riseNotOn2115')
              : t('climate.riseHint')}
        </p>
      </div>
      <fieldset className="climate-dike" data-testid="climate-dike">
        <legend>{t('climate.dike')}</legend>
        {(['with', 'without'] as const satisfies readonly DikeState[]).map((state) => (
          <label key={state} className="climate-dike__option">
            <input
              type="radio"
              name="climate-dike"
              value={state}
              data-testid={`climate-dike-${state}`}
              checked={dike === state}
              onChange={() => setClimate({ dike: state })}
            />
            {t(state === 'with' ? 'climate.withDike' : 'climate.withoutDike')}
          </label>
        ))}
      </fieldset>
    </fieldset>
  );
}
