import { useShallow } from 'zustand/react/shallow';
import type { SketchBusy, SketchNotice } from './sketchSlice';
import { canEditWorkflow } from '../auth';
import { useAppStore } from '../../store/useAppStore';
import { useT } from '../../app/useT';

type T = ReturnType<typeof useT>;

const BUSY_KEYS = {
  saving: 'sketch.busy.saving',
  restoring: 'sketch.busy.restoring',
  deleting: 'sketch.busy.deleting',
  undeleting: 'sketch.busy.undeleting',
  importing: 'sketch.busy.importing',
} as const satisfies Record<SketchBusy, string>;

function noticeText(notice: SketchNotice, t: T): string {
  switch (notice.kind) {
    case 'saved':
      return t('sketch.notice.saved', { title: notice.title, version: notice.version });
    case 'restored':
      return t('sketch.notice.restored', { title: notice.title, version: notice.version, from: notice.from });
    case 'deleted':
      return t('sketch.notice.deleted', { title: notice.title });
    case 'undeleted':
      return t('sketch.notice.undeleted', { title: notice.title });
    case 'imported':
      return t(notice.count === 1 ? 'sketch.notice.importedOne' : 'sketch.notice.importedOther', {
        count: notice.count,
      });
  }
}

/**
 * The panel's status: what a change is doing and what it did, in a live region that stays in the document so that
 * screen readers announce it; after a delete, the undo button beside it.
 */
export function SketchStatus() {
  const t = useT();
  const { busy, notice, deleted, planner, undeleteSketch } = useAppStore(
    useShallow((state) => ({
      busy: state.sketchBusy,
      notice: state.sketchNotice,
      deleted: state.deletedSketch,
      planner: canEditWorkflow(state.user),
      undeleteSketch: state.undeleteSketch,
    })),
  );
  return (
    <div className="sketch-status">
      <p role="status" aria-live="polite" data-testid="sketch-status" className="sketch-status__text">
        {busy !== null ? t(BUSY_KEYS[busy]) : notice !== null ? noticeText(notice, t) : ''}
      </p>
      {planner && deleted !== null && notice?.kind === 'deleted' && (
        <button
          type="button"
          className="button button--small"
          data-testid="sketch-undelete"
          disabled={busy !== null}
          onClick={() => void undeleteSketch()}
        >
          {t('sketch.undelete')}
        </button>
      )}
    </div>
  );
}
