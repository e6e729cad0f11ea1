import { useEffect, useId, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TenderStatus } from '@shared/schemas/common';
import type { EditableTender, TenderTransitions } from './WorkflowTypes';
import { canEditWorkflow } from '../auth';
import { useAppStore } from '../../store/useAppStore';
import {
  buildTenderMove,
  EMPTY_TENDER_FIELDS,
  requiredTenderFields,
  type TenderField,
  type TenderFieldValues,
} from './requiredTenderFields';
import { TENDER_FIELD_LABELS } from './tenderFieldLabels';
import { useT } from '../../app/useT';
import { writeProblemText } from './writeProblemText';
import '../../app/workflow.css';

/**
 * "Skift udbudsstatus" for planners and admins: the states the tender may move to next, the fields the chosen
 * state needs, a note, and Save with the version seen. Visitors never see it (the server refuses them anyway).
 */
export function TenderWorkflowForm({ siteId }: { siteId: string }) {
  const t = useT();
  const { editor, editTender, editTenderStatus, transitions, problem, savedTo, loadEditTender } = useAppStore(
    useShallow((state) => ({
      editor: canEditWorkflow(state.user),
      editTender: state.editTender,
      editTenderStatus: state.editTenderStatus,
      transitions: state.tenderTransitions,
      problem: state.tenderProblem,
      savedTo: state.tenderSavedTo,
      loadEditTender: state.loadEditTender,
    })),
  );

  useEffect(() => {
    if (editor) void loadEditTender();
  }, [editor, siteId, loadEditTender]);

  if (!editor) return null;
  const current = editTender?.site_id === siteId ? editTender : null;
  return (
    <section className="workflow" aria-labelledby="tender-workflow-heading" data-testid="tender-workflow">
      <h3 id="tender-workflow-heading" className="site-panel__subheading">
        {t('workflow.heading')}
      </h3>
      {savedTo !== null && current !== null && (
        <p className="form-success" role="status" data-testid="tender-workflow-saved">
          {t('workflow.saved', { status: t(`status.${current.status}`) })}
        </p>
      )}
      {problem !== null && (
        <p className="form-error" role="alert" data-testid="tender-workflow-problem">
          {writeProblemText({ problem, t, staleKey: 'workflow.stale' })}
        </p>
      )}
      {current === null && editTenderStatus === 'error' && <p className="muted">{t('workflow.loadError')}</p>}
      {current !== null && transitions !== null && (
        // A new version (a save, or someone else's) starts the form afresh from what is stored now.
        <MoveForm key={`${current.site_id}-${current.version}`} tender={current} transitions={transitions} />
      )}
    </section>
  );
}

const valuesOf = (tender: EditableTender): TenderFieldValues => ({
  planned_year: tender.planned_year === null ? '' : String(tender.planned_year),
  opens_on: tender.opens_on ?? '',
  closes_on: tender.closes_on ?? '',
  notice_url: tender.notice_url ?? '',
});

function MoveForm({ tender, transitions }: { tender: EditableTender; transitions: TenderTransitions }) {
  const t = useT();
  const ids = useId();
  const { saving, problem, saveTender } = useAppStore(
    useShallow((state) => ({ saving: state.tenderSaving, problem: state.tenderProblem, saveTender: state.saveTender })),
  );
  const [to, setTo] = useState<TenderStatus | ''>('');
  const [values, setValues] = useState<TenderFieldValues>({ ...EMPTY_TENDER_FIELDS, ...valuesOf(tender) });
  const [note, setNote] = useState('');
  const fields = to === '' ? [] : requiredTenderFields({ requires: transitions.requires, to });
  const invalid = new Set(problem?.kind === 'invalid' ? problem.fields.map((f) => f.name) : []);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (to === '') return;
    void saveTender(buildTenderMove({ to, fields, values, note }));
  };

  return (
    <form className="workflow__form" onSubmit={onSubmit} data-testid="tender-workflow-form">
      <label className="field">
        <span className="field__label">{t('workflow.to')}</span>
        <select
          value={to}
          required
          data-testid="tender-workflow-to"
          aria-invalid={invalid.has('to') || undefined}
          onChange={(event) => setTo(event.target.value as TenderStatus | '')}
        >
          <option value="">{t('workflow.choose')}</option>
          {tender.allowed.map((state) => (
            <option key={state} value={state}>
              {t(`status.${state}`)}
            </option>
          ))}
        </select>
      </label>
      {fields.map((field) => (
        <label key={field} className="field">
          <span className="field__label">{t(TENDER_FIELD_LABELS[field])}</span>
          <input
            id={`${ids}-${field}`}
            name={field}
            required
            data-testid={`tender-workflow-${field}`}
            aria-invalid={invalid.has(field) || undefined}
            {...inputKind(field)}
            value={values[field]}
            onChange={(event) => setValues({ ...values, [field]: event.target.value })}
          />
        </label>
      ))}
      <label className="field">
        <span className="field__label">{t('workflow.note')}</span>
        <textarea
          rows={2}
          maxLength={1000}
          value={note}
          data-testid="tender-workflow-note"
          lang="da"
          onChange={(event) => setNote(event.target.value)}
        />
      </label>
      <button type="submit" className="button" data-testid="tender-workflow-save" disabled={saving || to === ''}>
        {saving ? t('workflow.saving') : t('workflow.save')}
      </button>
    </form>
  );
}

/** The input type and limits of a schedule field (the server checks them again). */
function inputKind(field: TenderField) {
  switch (field) {
    case 'planned_year':
      return { type: 'number', min: 2000, max: 2100, step: 1, inputMode: 'numeric' as const };
    case 'opens_on':
    case 'closes_on':
      return { type: 'date', min: '2000-01-01', max: '2099-12-31' };
    case 'notice_url':
      return { type: 'url', pattern: 'https://.+', maxLength: 500, placeholder: 'https://' };
  }
}
