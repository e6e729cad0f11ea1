import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { sketchExportLinks } from './sketchExportLinks';
import { useAppStore } from '../../store/useAppStore';
import { useT } from '../../app/useT';

/**
 * Downloads of the live sketches (issue #6) with their constraint reports: GeoJSON in EPSG:4326 and EPSG:25832 and a
 * GeoPackage, for QGIS; optionally only the selected sketch.
 */
export function SketchExport() {
  const t = useT();
  const ids = useId();
  const { selectedId, selectedLive, count } = useAppStore(
    useShallow((state) => ({
      selectedId: state.selectedSketchId,
      selectedLive: state.selectedSketch !== null && state.selectedSketch.properties.deleted_at === null,
      count: state.sketches.length,
    })),
  );
  const [onlySelected, setOnlySelected] = useState(false);
  const only = onlySelected && selectedLive && selectedId !== null;
  const links = sketchExportLinks(only ? [selectedId] : []);
  return (
    <section className="sketch-export" aria-labelledby={`${ids}-heading`} data-testid="sketch-export">
      <h3 id={`${ids}-heading`} className="site-panel__subheading">
        {t('sketch.export.heading')}
      </h3>
      <p className="panel__muted">{only ? t('sketch.export.introSelected') : t('sketch.export.intro', { count })}</p>
      {selectedLive && (
        <label className="sketch-toolbar__check">
          <input
            type="checkbox"
            checked={onlySelected}
            data-testid="sketch-export-only-selected"
            onChange={(event) => setOnlySelected(event.target.checked)}
          />
          {t('sketch.export.onlySelected')}
        </label>
      )}
      <ul className="sketch-export__links">
        {links.map((link) => (
          <li key={`${link.format}-${link.crs}`}>
            <a href={link.href} download={link.fileName} data-testid={`sketch-export-${link.format}-${link.crs}`}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
