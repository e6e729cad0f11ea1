import { useId, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PlandataUse } from './SketchTypes';
import { PLANDATA_GENERAL_USES } from '../../api/vocabulary';
import { activeSketchEditor } from './activeSketchEditor';
import { useAppStore } from '../../store/useAppStore';
import { useT } from '../../app/useT';

/** Longest action text shown in the action list; the full text is in the policy tab. */
const ACTION_TEXT_CHARS = 70;

const shorten = (text: string) =>
  text.length > ACTION_TEXT_CHARS ? `${text.slice(0, ACTION_TEXT_CHARS - 1).trimEnd()}…` : text;

/**
 * The attributes of the sketch being drawn or edited: title (required), Plandata use, policy action and note;
 * Save posts a new sketch or puts a new version with the version the edit started from.
 */
export function SketchForm() {
  const t = useT();
  const ids = useId();
  const state = useAppStore(
    useShallow((s) => ({
      editor: activeSketchEditor(s),
      hasDraft: s.draftGeometry !== null,
      drawing: s.drawingInProgress,
      busy: s.sketchBusy,
      policy: s.policy,
      problem: s.sketchProblem,
      setSketchAttributes: s.setSketchAttributes,
      saveSketch: s.saveSketch,
      cancelSketchEdit: s.cancelSketchEdit,
      checkDraftConstraints: s.checkDraftConstraints,
      constraintStatus: s.constraintStatus,
    })),
  );
  const editor = state.editor;
  if (editor === null) return null;
  const { attributes } = editor;
  const invalid = new Set(state.problem?.kind === 'invalid' ? state.problem.fields.map((f) => f.name) : []);
  const canSave = state.hasDraft && !state.drawing && state.busy === null && attributes.title.trim() !== '';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (canSave) void state.saveSketch();
  };

  return (
    <form className="sketch-form" onSubmit={onSubmit} aria-labelledby={`${ids}-heading`} data-testid="sketch-form">
      <h3 id={`${ids}-heading`} className="site-panel__subheading">
        {editor.id === null ? t('sketch.form.new') : t('sketch.form.edit', { version: editor.version ?? '?' })}
      </h3>
      {!state.hasDraft && <p className="panel__muted">{t('sketch.form.drawFirst')}</p>}
      {state.hasDraft && state.drawing && <p className="panel__muted">{t('sketch.form.finishFirst')}</p>}
      <label className="field">
        <span className="field__label">{t('sketch.form.title')}</span>
        <input
          type="text"
          required
          maxLength={200}
          value={attributes.title}
          data-testid="sketch-title"
          aria-invalid={invalid.has('title') || undefined}
          onChange={(event) => state.setSketchAttributes({ title: event.target.value })}
        />
      </label>
      <label className="field">
        <span className="field__label">{t('sketch.form.use')}</span>
        <select
          value={attributes.proposed_use}
          data-testid="sketch-use"
          aria-invalid={invalid.has('proposed_use') || undefined}
          onChange={(event) => state.setSketchAttributes({ proposed_use: event.target.value as PlandataUse })}
        >
          {PLANDATA_GENERAL_USES.map((code) => (
            <option key={code} value={code}>
              {code} {t(`plandataUse.${code}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t('sketch.form.action')}</span>
        <select
          value={attributes.action_number ?? ''}
          data-testid="sketch-action"
          aria-invalid={invalid.has('action_number') || undefined}
          onChange={(event) => state.setSketchAttributes({ action_number: event.target.value || null })}
        >
          <option value="">{t('sketch.form.noAction')}</option>
          {state.policy?.initiatives.map((initiative) => (
            <optgroup key={initiative.number} label={`${initiative.number}. ${initiative.title}`}>
              {initiative.actions.map((action) => (
                <option key={action.number} value={action.number}>
                  {action.number} {shorten(action.text)}
                </option>
              ))}
            </optgroup>
          ))}
          {/* An action the loaded policy does not list (or a policy not loaded yet) stays selectable as it is. */}
          {attributes.action_number !== null &&
            !state.policy?.initiatives.some((i) => i.actions.some((a) => a.number === attributes.action_number)) && (
              <option value={attributes.action_number}>{attributes.action_number}</option>
            )}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t('sketch.form.note')}</span>
        <textarea
          rows={3}
          maxLength={4000}
          value={attributes.note}
          data-testid="sketch-note"
          aria-invalid={invalid.has('note') || undefined}
          onChange={(event) => state.setSketchAttributes({ note: event.target.value })}
        />
      </label>
      <div className="sketch-form__buttons">
        <button type="submit" className="button" data-testid="sketch-save" disabled={!canSave}>
          {state.busy === 'saving' ? t('sketch.form.saving') : t('sketch.form.save')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="sketch-check-draft"
          disabled={!state.hasDraft || state.constraintStatus === 'loading'}
          onClick={() => void state.checkDraftConstraints()}
        >
          {t('sketch.form.check')}
        </button>
        <button type="button" className="button" data-testid="sketch-cancel" onClick={state.cancelSketchEdit}>
          {t('sketch.form.cancel')}
        </button>
      </div>
    </form>
  );
}
