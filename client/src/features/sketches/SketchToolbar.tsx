import { useShallow } from 'zustand/react/shallow';
import { SKETCH_SHORTCUTS } from '../../map/sketchShortcuts';
import { useAppStore } from '../../store/useAppStore';
import { useT } from '../../app/useT';

const DRAW_TOOLS = [
  { mode: 'polygon', label: 'sketch.tool.polygon' },
  { mode: 'linestring', label: 'sketch.tool.linestring' },
  { mode: 'point', label: 'sketch.tool.point' },
] as const;

/**
 * The drawing tools for planners: draw a polygon, line or point, select and edit, undo and redo, snapping, and the
 * keyboard shortcuts (the map module defines them). Buttons of the tool in use are pressed (aria-pressed).
 */
export function SketchToolbar() {
  const t = useT();
  const state = useAppStore(
    useShallow((s) => ({
      drawMode: s.drawMode,
      hasDraft: s.draftGeometry !== null,
      editing: s.sketchEditor !== null,
      canEditSelected: s.selectedSketch !== null && s.selectedSketch.properties.deleted_at === null,
      editSelectedSketch: s.editSelectedSketch,
      canUndo: s.canUndo,
      canRedo: s.canRedo,
      snapping: s.snapping,
      startSketchDrawing: s.startSketchDrawing,
      setDrawMode: s.setDrawMode,
      setSnapping: s.setSnapping,
      undoDraw: s.undoDraw,
      redoDraw: s.redoDraw,
    })),
  );
  return (
    <div className="sketch-tools">
      <div className="sketch-toolbar" role="group" aria-label={t('sketch.toolbar')}>
        {DRAW_TOOLS.map(({ mode, label }) => (
          <button
            key={mode}
            type="button"
            className="button button--small sketch-toolbar__tool"
            aria-pressed={state.drawMode === mode}
            data-testid={`sketch-tool-${mode}`}
            onClick={() => state.startSketchDrawing(mode)}
          >
            {t(label)}
          </button>
        ))}
        <button
          type="button"
          className="button button--small sketch-toolbar__tool"
          aria-pressed={state.drawMode === 'select'}
          disabled={!state.hasDraft && !state.editing && !state.canEditSelected}
          data-testid="sketch-tool-select"
          onClick={() => {
            // Like the S key: edit what is drawn, or else open the selected sketch for editing.
            if (state.drawMode === 'select') state.setDrawMode('off');
            else if (state.hasDraft || state.editing) state.setDrawMode('select');
            else state.editSelectedSketch();
          }}
        >
          {t('sketch.tool.select')}
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={!state.canUndo}
          data-testid="sketch-undo"
          onClick={state.undoDraw}
        >
          {t('sketch.undo')}
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={!state.canRedo}
          data-testid="sketch-redo"
          onClick={state.redoDraw}
        >
          {t('sketch.redo')}
        </button>
        <label className="sketch-toolbar__check">
          <input
            type="checkbox"
            checked={state.snapping}
            data-testid="sketch-snapping"
            onChange={(event) => state.setSnapping(event.target.checked)}
          />
          {t('sketch.snapping')}
        </label>
      </div>
      <details className="sketch-shortcuts" data-testid="sketch-shortcuts">
        <summary>{t('sketch.shortcuts')}</summary>
        <dl className="sketch-shortcuts__list">
          {SKETCH_SHORTCUTS.map(({ keys, labelKey }) => (
            <div key={labelKey} className="sketch-shortcuts__row">
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{t(labelKey)}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
