import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { canEditWorkflow } from '../auth';
import { activeSketchEditor } from './activeSketchEditor';
import { useAppStore } from '../../store/useAppStore';
import { SketchCompare } from './SketchCompare';
import { SketchConstraints } from './SketchConstraints';
import { SketchDetails } from './SketchDetails';
import { SketchExport } from './SketchExport';
import { SketchForm } from './SketchForm';
import { SketchImport } from './SketchImport';
import { SketchList } from './SketchList';
import { SketchMeasure } from './SketchMeasure';
import { SketchProblemMessage } from './SketchProblemMessage';
import { SketchStatus } from './SketchStatus';
import { SketchToolbar } from './SketchToolbar';
import { useT } from '../../app/useT';
import '../../app/workflow.css';
import './sketch.css';

/**
 * The sketch tab (issue #6): planners draw, save, version, check and exchange sketches of additions to the
 * kommuneplan; everyone else sees the sketches read-only, marked as drafts. The map side (drawing, the overlays)
 * is client/src/map's; this panel reads and commands it through the store.
 */
export function SketchPanel() {
  const t = useT();
  const { planner, status, loadSketches, editing, selected } = useAppStore(
    useShallow((state) => ({
      planner: canEditWorkflow(state.user),
      status: state.sketchesStatus,
      loadSketches: state.loadSketches,
      editing: activeSketchEditor(state) !== null,
      selected: state.selectedSketch !== null,
    })),
  );
  useEffect(() => {
    if (status === 'idle') void loadSketches();
  }, [status, loadSketches]);

  return (
    <section className="panel sketch-panel" data-testid="sketch-panel" aria-labelledby="sketch-panel-heading">
      <h2 id="sketch-panel-heading" className="panel__heading">
        {t('sketch.heading')}
      </h2>
      <p className="warning warning--mild sketch-draft-notice" data-testid="sketch-draft-notice">
        {t('sketch.draftNotice')}
      </p>
      <SketchStatus />
      {planner ? <SketchToolbar /> : <p className="panel__muted">{t('sketch.loginHint')}</p>}
      <SketchProblemMessage />
      {planner && editing && (
        <>
          <SketchMeasure />
          <SketchForm />
        </>
      )}
      <SketchConstraints />
      <SketchList />
      {selected && <SketchDetails />}
      <SketchCompare />
      {planner && <SketchImport />}
      <SketchExport />
    </section>
  );
}
