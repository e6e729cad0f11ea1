import { useShallow } from 'zustand/react/shallow';
import type { SketchVersionInfo } from './SketchTypes';
import { formatDateTime } from '@shared/i18n/formatDate';
import { canEditWorkflow } from '../auth';
import { findAction } from '../policy';
import { useAppStore } from '../../store/useAppStore';
import { Fact } from '../site';
import { sketchSizeText } from './sketchMeasureText';
import { useT } from '../../app/useT';

type T = ReturnType<typeof useT>;

function changeText(version: SketchVersionInfo, t: T): string {
  const kind = t(`sketch.change.${version.change}`);
  return version.restored_from === null
    ? kind
    : t('sketch.versions.restoredFrom', { kind, from: version.restored_from });
}

/**
 * The selected sketch: its attributes and size, edit and delete (planners), the constraint check, and its versions,
 * newest first, each viewable on the map and (for planners) restorable as a new version.
 */
export function SketchDetails() {
  const t = useT();
  const state = useAppStore(
    useShallow((s) => ({
      sketch: s.selectedSketch,
      versions: s.sketchVersions,
      versionsStatus: s.sketchVersionsStatus,
      preview: s.sketchOverlay.preview,
      policy: s.policy,
      lang: s.lang,
      planner: canEditWorkflow(s.user),
      busy: s.sketchBusy,
      editingThis: s.sketchEditor !== null && s.sketchEditor.id === s.selectedSketchId,
      constraintStatus: s.constraintStatus,
      selectSketch: s.selectSketch,
      editSelectedSketch: s.editSelectedSketch,
      deleteSelectedSketch: s.deleteSelectedSketch,
      undeleteSketch: s.undeleteSketch,
      checkSketchConstraints: s.checkSketchConstraints,
      viewSketchVersion: s.viewSketchVersion,
      closeSketchPreview: s.closeSketchPreview,
      restoreSketchVersion: s.restoreSketchVersion,
      loadSketchVersions: s.loadSketchVersions,
    })),
  );
  const { sketch, lang } = state;
  if (sketch === null) return null;
  const p = sketch.properties;
  const deleted = p.deleted_at !== null;
  const size = sketchSizeText({ measure: p, lang });
  const action = p.action_number === null ? null : findAction(state.policy, p.action_number);
  const previewVersion = state.preview?.id === sketch.id ? state.preview.properties.version : null;

  return (
    <section
      className="sketch-details"
      aria-labelledby="sketch-details-heading"
      data-testid="sketch-details"
      data-sketch-id={sketch.id}
      data-version={p.version}
    >
      <div className="sketch-details__top">
        <h3 id="sketch-details-heading" className="site-panel__subheading">
          {p.title}
        </h3>
        <button
          type="button"
          className="button button--small"
          aria-label={t('sketch.details.close')}
          onClick={() => state.selectSketch(null)}
        >
          ×
        </button>
      </div>
      <p className="sketch-details__draft">
        <span className="badge badge--illustrative">{t('sketch.draftBadge')}</span>
        {deleted && (
          <span className="sketch-details__deleted" data-testid="sketch-deleted">
            {' '}
            {t('sketch.details.deleted', { when: formatDateTime({ isoDateTime: p.deleted_at ?? '', lang }) })}
          </span>
        )}
      </p>
      <dl className="facts">
        <Fact className="facts__row" label={t('sketch.form.use')}>
          {p.proposed_use} {t(`plandataUse.${p.proposed_use}`)}
        </Fact>
        {size !== null && (
          <Fact
            className="facts__row"
            label={t(p.area_m2 !== null ? 'sketch.measure.area' : 'sketch.measure.length')}
            testId="sketch-size"
          >
            {size}
          </Fact>
        )}
        <Fact className="facts__row" label={t('sketch.form.action')}>
          {p.action_number === null
            ? t('sketch.form.noAction')
            : `${p.action_number}${action ? ` ${action.text}` : ''}`}
        </Fact>
        {p.note !== '' && (
          <Fact className="facts__row" label={t('sketch.form.note')}>
            <span className="sketch-details__note">{p.note}</span>
          </Fact>
        )}
        <Fact className="facts__row" label={t('sketch.details.version')} testId="sketch-version">
          {t('sketch.details.versionValue', {
            version: p.version,
            who: p.updated_by.name,
            when: formatDateTime({ isoDateTime: p.updated_at, lang }),
          })}
        </Fact>
        <Fact className="facts__row" label={t('sketch.details.source')}>
          {p.source}
        </Fact>
      </dl>
      <div className="sketch-details__buttons">
        <button
          type="button"
          className="button button--small"
          data-testid="sketch-check"
          disabled={deleted || state.constraintStatus === 'loading'}
          onClick={() => void state.checkSketchConstraints()}
        >
          {t('sketch.details.check')}
        </button>
        {state.planner && !deleted && (
          <>
            <button
              type="button"
              className="button button--small"
              data-testid="sketch-edit"
              disabled={state.editingThis || state.busy !== null}
              onClick={state.editSelectedSketch}
            >
              {t('sketch.details.edit')}
            </button>
            <button
              type="button"
              className="button button--small"
              data-testid="sketch-delete"
              disabled={state.busy !== null}
              onClick={() => void state.deleteSelectedSketch()}
            >
              {t('sketch.details.delete')}
            </button>
          </>
        )}
        {state.planner && deleted && (
          <button
            type="button"
            className="button button--small"
            data-testid="sketch-undelete-selected"
            disabled={state.busy !== null}
            onClick={() => void state.undeleteSketch()}
          >
            {t('sketch.undelete')}
          </button>
        )}
      </div>

      <h4 className="site-panel__minorheading" id="sketch-versions-heading">
        {t('sketch.versions.heading')}
      </h4>
      {previewVersion !== null && (
        <p className="warning warning--mild" data-testid="sketch-preview-notice">
          {t('sketch.versions.previewing', { version: previewVersion })}{' '}
          <button type="button" className="button button--small" onClick={state.closeSketchPreview}>
            {t('sketch.versions.closePreview')}
          </button>
        </p>
      )}
      {state.versionsStatus === 'loading' && state.versions === null && (
        <p className="panel__muted">{t('sketch.versions.loading')}</p>
      )}
      {state.versionsStatus === 'error' && (
        <p className="warning" role="alert">
          {t('sketch.versions.error')}{' '}
          <button type="button" className="button button--small" onClick={() => void state.loadSketchVersions()}>
            {t('error.retry')}
          </button>
        </p>
      )}
      {state.versions !== null && (
        <ol className="sketch-versions" aria-labelledby="sketch-versions-heading" data-testid="sketch-versions">
          {state.versions.map((version) => {
            const current = version.version === p.version;
            return (
              <li key={version.version} className="sketch-version" data-testid={`sketch-version-${version.version}`}>
                <span className="sketch-version__what">
                  <strong>{t('sketch.versions.number', { version: version.version })}</strong>
                  {current && ` ${t('sketch.versions.current')}`} · {changeText(version, t)}
                </span>
                <span className="sketch-item__muted">
                  {version.title} · {version.actor.name}, {formatDateTime({ isoDateTime: version.at, lang })}
                </span>
                <span className="sketch-version__buttons">
                  <button
                    type="button"
                    className="button button--small"
                    data-testid={`sketch-view-${version.version}`}
                    aria-pressed={previewVersion === version.version}
                    onClick={() =>
                      previewVersion === version.version
                        ? state.closeSketchPreview()
                        : void state.viewSketchVersion(version.version)
                    }
                  >
                    {t('sketch.versions.view', { version: version.version })}
                  </button>
                  {state.planner && !deleted && !current && (
                    <button
                      type="button"
                      className="button button--small"
                      data-testid={`sketch-restore-${version.version}`}
                      disabled={state.busy !== null}
                      onClick={() => void state.restoreSketchVersion(version.version)}
                    >
                      {t('sketch.versions.restore', { version: version.version })}
                    </button>
                  )}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
