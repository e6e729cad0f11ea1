import { useShallow } from 'zustand/react/shallow';
import type { SketchProblem } from './SketchProblem';
import { activeSketchEditor } from './activeSketchEditor';
import { useAppStore } from '../../store/useAppStore';
import { useT } from '../../app/useT';

type T = ReturnType<typeof useT>;

/** The sentence for a refused change; `editing` says whether an edit is open (a 412 then offers a reload). */
function problemText(problem: SketchProblem, editing: boolean, t: T): string {
  switch (problem.kind) {
    case 'fault':
      return t('sketch.problem.fault', { reason: problem.fault.reason });
    case 'stale':
      return t(editing ? 'sketch.problem.staleEditing' : 'sketch.problem.stale');
    case 'deleted':
      return t('sketch.problem.deleted');
    case 'invalid':
      return t('sketch.problem.invalid', {
        fields: problem.fields.map((field) => `${field.name} (${field.reason})`).join('; '),
      });
    case 'denied':
      return t('sketch.problem.denied');
    case 'error':
      return t('sketch.problem.error', { message: problem.message });
  }
}

/**
 * Why the last change was refused (role alert). A geometry fault says PostGIS's reason, that the map marks the place,
 * and, when ST_MakeValid can repair it, offers the repair explicitly; a stale edit offers to load the current version.
 */
export function SketchProblemMessage() {
  const t = useT();
  const { problem, editor, busy, saveSketch, reloadEditedSketch } = useAppStore(
    useShallow((state) => ({
      problem: state.sketchProblem,
      editor: activeSketchEditor(state),
      busy: state.sketchBusy,
      saveSketch: state.saveSketch,
      reloadEditedSketch: state.reloadEditedSketch,
    })),
  );
  if (problem === null) return null;
  const editing = editor !== null;
  return (
    <div className="form-error sketch-problem" role="alert" data-testid="sketch-problem" data-kind={problem.kind}>
      <p>{problemText(problem, editing, t)}</p>
      {problem.kind === 'fault' && problem.fault.location !== null && <p>{t('sketch.problem.faultLocation')}</p>}
      {problem.kind === 'fault' && editing && (
        <p>{t(problem.fault.repairable ? 'sketch.problem.repairable' : 'sketch.problem.notRepairable')}</p>
      )}
      {problem.kind === 'fault' && editing && problem.fault.repairable && (
        <button
          type="button"
          className="button button--small"
          data-testid="sketch-repair"
          disabled={busy !== null}
          onClick={() => void saveSketch({ repair: true })}
        >
          {t('sketch.repair')}
        </button>
      )}
      {problem.kind === 'stale' && editor !== null && editor.id !== null && (
        <button
          type="button"
          className="button button--small"
          data-testid="sketch-reload"
          onClick={() => void reloadEditedSketch()}
        >
          {t('sketch.reload')}
        </button>
      )}
    </div>
  );
}
