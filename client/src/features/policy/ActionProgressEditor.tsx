import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ActionProgress } from '@shared/schemas/common';
import { ACTION_PROGRESS } from '../../api/vocabulary';
import type { ProgressDetail } from '../tenders';
import { formatDateTime } from '@shared/i18n/formatDate';
import { canEditWorkflow } from '../auth';
import { useAppStore } from '../../store/useAppStore';
import { ActorText } from '../tenders';
import { useT } from '../../app/useT';
import { writeProblemText } from '../tenders';
import '../../app/workflow.css';

/** Notes are short on purpose: they are shown publicly next to the action (issue #5). */
const NOTE_MAX = 280;

/**
 * One policy action's progress: a collapsed history for everyone (loaded when opened) and, for planners and
 * admins, a progress select, a short note and Save with the version seen.
 */
export function ActionProgressEditor({ actionNumber }: { actionNumber: string }) {
  const t = useT();
  const { editor, detail, status, problem, lang, loadActionProgress } = useAppStore(
    useShallow((state) => ({
      editor: canEditWorkflow(state.user),
      detail: state.progressDetails[actionNumber],
      status: state.progressStatus[actionNumber],
      problem: state.progressProblems[actionNumber] ?? null,
      lang: state.lang,
      loadActionProgress: state.loadActionProgress,
    })),
  );
  return (
    <details
      className="progress-editor"
      data-testid={`progress-editor-${actionNumber}`}
      onToggle={(event) => {
        if (event.currentTarget.open && status !== 'loading') void loadActionProgress(actionNumber);
      }}
    >
      <summary className="progress-editor__summary">{t('progressEdit.toggle', { number: actionNumber })}</summary>
      {status === 'loading' && detail === undefined && (
        <p className="muted" role="status">
          {t('progressEdit.loading')}
        </p>
      )}
      {status === 'error' && <p className="muted">{t('progressEdit.loadError')}</p>}
      {detail !== undefined && (
        <>
          <p className="progress-editor__current" data-testid={`progress-current-${actionNumber}`}>
            {t('progressEdit.current', { progress: t(`progress.${detail.progress}`) })}
            {detail.progress_note && (
              <span className="history__note" lang="da">
                {detail.progress_note}
              </span>
            )}
          </p>
          {problem !== null && (
            <p className="form-error" role="alert">
              {writeProblemText({ problem, t, staleKey: 'progressEdit.stale' })}
            </p>
          )}
          {editor && <ProgressForm key={detail.version} actionNumber={actionNumber} detail={detail} />}
          <h4 className="site-panel__minorheading">{t('progressEdit.history')}</h4>
          {detail.history.length === 0 ? (
            <p className="muted">{t('progressEdit.noHistory')}</p>
          ) : (
            <ol className="history">
              {[...detail.history].reverse().map((event) => (
                <li key={event.id} className="history__item">
                  <time dateTime={event.at} className="history__time">
                    {formatDateTime({ isoDateTime: event.at, lang })}
                  </time>{' '}
                  <span>
                    {event.from_progress ? `${t(`progress.${event.from_progress}`)} → ` : ''}
                    {t(`progress.${event.to_progress}`)}
                  </span>{' '}
                  <ActorText actor={event.actor} lang={lang} />
                  {event.note && (
                    <span className="history__note" lang="da">
                      {event.note}
                    </span>
                  )}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </details>
  );
}

function ProgressForm({ actionNumber, detail }: { actionNumber: string; detail: ProgressDetail }) {
  const t = useT();
  const saveActionProgress = useAppStore((state) => state.saveActionProgress);
  const [progress, setProgress] = useState<ActionProgress>(detail.progress);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const trimmed = note.trim();
    await saveActionProgress(actionNumber, { progress, ...(trimmed === '' ? {} : { note: trimmed }) });
    // A success bumps the version, which remounts this form; a refusal keeps what was typed.
    setSaving(false);
  };

  return (
    <form className="workflow__form" onSubmit={(event) => void onSubmit(event)}>
      <label className="field">
        <span className="field__label">{t('progressEdit.progress')}</span>
        <select
          value={progress}
          data-testid={`progress-select-${actionNumber}`}
          onChange={(event) => setProgress(event.target.value as ActionProgress)}
        >
          {ACTION_PROGRESS.map((value) => (
            <option key={value} value={value}>
              {t(`progress.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t('progressEdit.note')}</span>
        <textarea
          rows={2}
          maxLength={NOTE_MAX}
          lang="da"
          value={note}
          data-testid={`progress-note-${actionNumber}`}
          onChange={(event) => setNote(event.target.value)}
        />
      </label>
      <button type="submit" className="button button--small" disabled={saving}>
        {t('progressEdit.save')}
      </button>
    </form>
  );
}
