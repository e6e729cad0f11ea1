import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { IMPORT_ACCEPT } from './importContentType';
import type { ImportPreview, PlandataUse } from './SketchTypes';
import { PLANDATA_GENERAL_USES } from '../../api/vocabulary';
import { isMessageKey } from '../../app/i18n';
import { useAppStore } from '../../store/useAppStore';
import { useT } from '../../app/useT';

type T = ReturnType<typeof useT>;

const CRS_REASON_KEYS = {
  declared: 'sketch.import.crsDeclared',
  'detected from coordinate range': 'sketch.import.crsDetected',
  '.prj': 'sketch.import.crsPrj',
  default: 'sketch.import.crsDefault',
} as const satisfies Record<ImportPreview['crs_reason'], string>;

/** A file's use code with its label; a code the tables do not know (the file's own text) is shown as it is. */
function plandataUseText(code: string, t: T): string {
  const key = `plandataUse.${code}`;
  return isMessageKey(key) ? `${code} ${t(key)}` : code;
}

function summary(preview: ImportPreview, t: T): string {
  return t(preview.feature_count === 1 ? 'sketch.import.summaryOne' : 'sketch.import.summaryOther', {
    count: preview.feature_count,
    format: preview.source_format === 'shapefile' ? 'Shapefile' : 'GeoJSON',
    crs: preview.crs,
    reason: t(CRS_REASON_KEYS[preview.crs_reason]),
  });
}

/**
 * Import for planners (issue #6): a GeoJSON file (EPSG:4326, or EPSG:25832 declared or detected) or a zipped
 * Shapefile is first sent as a dry run; the preview lists every feature with its fault, the map shows them, and
 * only "Save all" saves them, all or none. A bad file gets the server's message and nothing is saved.
 */
export function SketchImport() {
  const t = useT();
  const ids = useId();
  const state = useAppStore(
    useShallow((s) => ({
      current: s.sketchImport,
      busy: s.sketchBusy,
      previewSketchImport: s.previewSketchImport,
      commitSketchImport: s.commitSketchImport,
      cancelSketchImport: s.cancelSketchImport,
    })),
  );
  const [file, setFile] = useState<File | null>(null);
  const [use, setUse] = useState<PlandataUse>('31');
  // A new key empties the file input after a cancel or a save (its value cannot be set otherwise).
  const [inputKey, setInputKey] = useState(0);
  const { current } = state;

  const check = (chosen: File | null, proposedUse: PlandataUse) => {
    setFile(chosen);
    if (chosen === null) state.cancelSketchImport();
    else void state.previewSketchImport({ name: chosen.name, data: chosen }, proposedUse);
  };
  const reset = () => {
    setFile(null);
    setInputKey((key) => key + 1);
  };

  return (
    <section className="sketch-import" aria-labelledby={`${ids}-heading`} data-testid="sketch-import">
      <h3 id={`${ids}-heading`} className="site-panel__subheading">
        {t('sketch.import.heading')}
      </h3>
      <p className="panel__muted">{t('sketch.import.intro')}</p>
      <label className="field">
        <span className="field__label">{t('sketch.import.use')}</span>
        <select
          value={use}
          data-testid="sketch-import-use"
          onChange={(event) => {
            const next = event.target.value as PlandataUse;
            setUse(next);
            if (file !== null) check(file, next);
          }}
        >
          {PLANDATA_GENERAL_USES.map((code) => (
            <option key={code} value={code}>
              {code} {t(`plandataUse.${code}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t('sketch.import.file')}</span>
        <input
          key={inputKey}
          type="file"
          accept={IMPORT_ACCEPT}
          data-testid="sketch-import-file"
          onChange={(event) => check(event.target.files?.[0] ?? null, use)}
        />
      </label>
      <div role="status" aria-live="polite" data-testid="sketch-import-status">
        {current?.status === 'checking' && <p className="panel__muted">{t('sketch.import.checking')}</p>}
        {current?.status === 'ready' && current.preview !== null && <p>{summary(current.preview, t)}</p>}
      </div>
      {current?.status === 'unsupported' && (
        <p className="form-error" role="alert" data-testid="sketch-import-error">
          {t('sketch.import.unsupported', { file: current.fileName })}
        </p>
      )}
      {current !== null && current.error !== null && (
        <p className="form-error" role="alert" data-testid="sketch-import-error">
          {t('sketch.import.error', { file: current.fileName, message: current.error })}
        </p>
      )}
      {current?.preview != null && (
        <>
          <ol className="sketch-import__list" data-testid="sketch-import-preview">
            {current.preview.features.map((feature) => (
              <li
                key={feature.index}
                className={
                  feature.fault === null ? 'sketch-import__item' : 'sketch-import__item sketch-import__item--fault'
                }
                data-faulty={feature.fault !== null}
              >
                <span className="sketch-item__title">{feature.properties.title}</span>{' '}
                <span className="sketch-item__muted">
                  {plandataUseText(feature.properties.proposed_use, t)}
                  {feature.geometry !== null && ` · ${feature.geometry.type}`}
                </span>
                {feature.fault !== null && (
                  <span className="sketch-import__fault">
                    {' '}
                    {t('sketch.import.fault', { reason: feature.fault.reason })}
                  </span>
                )}
              </li>
            ))}
          </ol>
          {!current.preview.valid && <p className="form-error">{t('sketch.import.invalid')}</p>}
          <div className="sketch-form__buttons">
            <button
              type="button"
              className="button"
              data-testid="sketch-import-save"
              disabled={!current.preview.valid || state.busy !== null}
              onClick={() =>
                void state.commitSketchImport().then((saved) => {
                  if (saved) reset();
                })
              }
            >
              {t('sketch.import.save', { count: current.preview.feature_count })}
            </button>
            <button
              type="button"
              className="button"
              data-testid="sketch-import-cancel"
              onClick={() => {
                state.cancelSketchImport();
                reset();
              }}
            >
              {t('sketch.import.cancel')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
