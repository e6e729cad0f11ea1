import type { Polygon } from 'geojson';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLang } from '../../../../client/src/app/i18n';
import { httpApi } from '../../../../client/src/api/httpApi';
import type { SketchFeature } from '../../../../client/src/features/sketches/SketchTypes';
import { SketchPanel } from '../../../../client/src/features/sketches/SketchPanel';
import type { AppState } from '../../../../client/src/store/AppState';
import { createAppStore } from '../../../../client/src/store/createAppStore';
import { AppStoreContext } from '../../../../client/src/store/useAppStore';

// English is fetched on first use in the browser (client/src/app/i18n.ts); these tests render in it too.
beforeAll(() => loadLang('en'));

// The sketch panel rendered to static HTML from a real store (no DOM here: effects do not run, nothing is fetched):
// what each kind of user sees, the accessible names the browser test clicks, and that user-written text is escaped.

const ID = '33333333-3333-4333-8333-333333333333';
const PLANNER = { display_name: 'Planlægger Test', role: 'planner' as const };

const area: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [12.1, 55.45],
      [12.11, 55.45],
      [12.11, 55.46],
      [12.1, 55.45],
    ],
  ],
};

const sketch = (title: string): SketchFeature => ({
  type: 'Feature',
  id: ID,
  geometry: area,
  properties: {
    id: ID,
    version: 2,
    title,
    proposed_use: '31',
    action_number: null,
    note: '<b>note</b>',
    area_m2: 12_345,
    perimeter_m: 500,
    length_m: null,
    change: 'edited',
    restored_from: null,
    updated_at: '2026-03-01T10:00:00Z',
    updated_by: { name: 'Planlægger Test', role: 'planner' },
    created_at: '2026-03-01T09:00:00Z',
    deleted_at: null,
    status: 'draft',
    source: 'Skitse i Køge Erhvervskort (Planlægger Test)',
    accuracy: 'illustrative',
  },
});

/**
 * Renders the panel for a store in `state`, then after `after`'s actions (and the state it returns); the server
 * snapshot is the store's state as set here.
 */
function render(state: Partial<AppState>, after: (s: AppState) => Partial<AppState> | void = () => {}): string {
  const store = createAppStore({ api: httpApi });
  store.setState({ sketchesStatus: 'ready', ...state });
  const later = after(store.getState());
  if (later) store.setState(later);
  // React renders on the server from getInitialState (the state at creation); this test sets it up afterwards.
  store.getInitialState = store.getState;
  return renderToStaticMarkup(createElement(AppStoreContext.Provider, { value: store }, createElement(SketchPanel)));
}

describe('SketchPanel', () => {
  it('shows a visitor the sketches read-only, marked as drafts, with the exports', () => {
    const html = render({ sketches: [sketch('Udvidelse syd')] });
    expect(html).toContain('Kladde – ikke en vedtaget plan');
    expect(html).toContain('Log ind som planlægger');
    expect(html).toContain('Udvidelse syd');
    expect(html).not.toContain('Tegn flade');
    expect(html).not.toContain('Importér');
    expect(html).toContain('download="koege-sketches-EPSG25832.gpkg"');
    expect(html).toContain('>GeoJSON (EPSG:4326)</a>');
  });

  it('gives a planner the tools, and a form with Save once drawing starts', () => {
    const html = render({ user: PLANNER, csrfToken: 'x' }, (s) => s.startSketchDrawing('polygon'));
    expect(html).toMatch(/aria-pressed="true" data-testid="sketch-tool-polygon">Tegn flade</);
    expect(html).toContain('>Gem skitse</button>');
    expect(html).toContain('Tastaturgenveje');
    expect(html).toContain('EPSG:25832');
  });

  it('shows the live area in m² and ha', () => {
    const html = render({ user: PLANNER, csrfToken: 'x' }, (s) => {
      s.startSketchDrawing('polygon');
      s.setDraftFromMap({
        geometry: area,
        measure: { area_m2: 12_345, perimeter_m: 456, length_m: null },
        canUndo: true,
        canRedo: false,
        drawing: false,
      });
    });
    expect(html).toContain('1,2 ha (12.345 m²)');
    expect(html).toContain('456 m');
  });

  it('lists the selected sketch’s versions with View and Restore, in English too', () => {
    const selected = sketch('Alternativ A');
    const html = render({
      user: PLANNER,
      csrfToken: 'x',
      lang: 'en',
      sketches: [selected],
      selectedSketchId: ID,
      selectedSketch: selected,
      sketchVersionsStatus: 'ready',
      sketchVersions: [2, 1].map((version) => ({
        version,
        title: 'Alternativ A',
        proposed_use: '31' as const,
        action_number: null,
        note: '',
        area_m2: 12_345,
        perimeter_m: 500,
        length_m: null,
        change: version === 1 ? ('created' as const) : ('edited' as const),
        restored_from: null,
        at: '2026-03-01T10:00:00Z',
        actor: { name: 'Planlægger Test', role: 'planner' as const },
      })),
    });
    expect(html).toContain('>View version 1</button>');
    expect(html).toContain('>Restore version 1</button>');
    expect(html).not.toContain('Restore version 2');
    expect(html).toContain('>Edit the sketch</button>');
    expect(html).toContain('>Delete the sketch</button>');
  });

  it('offers the automatic repair of a geometry fault explicitly', () => {
    const html = render({ user: PLANNER, csrfToken: 'x' }, (s) => {
      s.startSketchDrawing('polygon');
      s.setDraftFromMap({ geometry: area, measure: null, canUndo: true, canRedo: false, drawing: false });
    });
    expect(html).not.toContain('Acceptér automatisk reparation');
    const faulty = render({ user: PLANNER, csrfToken: 'x' }, (s) => {
      s.startSketchDrawing('polygon');
      s.setDraftFromMap({ geometry: area, measure: null, canUndo: true, canRedo: false, drawing: false });
      return {
        sketchProblem: {
          kind: 'fault',
          fault: { reason: 'Self-intersection', location: [12.105, 55.455], repairable: true, repaired: area },
        },
      };
    });
    expect(faulty).toContain('PostGIS: Self-intersection');
    expect(faulty).toContain('>Acceptér automatisk reparation</button>');
  });

  it('renders what users wrote as text, never as markup', () => {
    const selected = sketch('<img src=x onerror=alert(1)>');
    const html = render({ sketches: [selected], selectedSketchId: ID, selectedSketch: selected });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;b&gt;note&lt;/b&gt;');
  });
});
