import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { httpApi } from './api/httpApi';
import { App } from './app/App';
import { loadLang } from './app/i18n';
import { parseUrlState } from './app/urlState';
import './app/app.css';
import { parseExposeParam } from './features/expose/exposeUrl';
import { parseTimelineParam } from './features/timeline/timelineUrl';
import { createAppStore, startApp } from './store/createAppStore';
import { persistShortlist } from './features/shortlist/persistShortlist';
import { browserStorage, initialShortlist } from './features/shortlist/shortlistStorage';
import { AppStoreContext } from './store/useAppStore';
import { ALL_LABELS_ID } from './map/ids';
import { preloadGlyphs } from './map/preloadGlyphs';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

const initial = parseUrlState(window.location.search);
// `?expose=<id>` is a page of its own (a printable plot exposé), not the map shell: no store, no map.
const expose = parseExposeParam(window.location.search);
// `?timeline=all|<siteId>` is the public transparency page (issue #5), also a page of its own.
const timeline = parseTimelineParam(window.location.search);
// The map's names need their fonts soon: fetch them beside the first API answers (unless names are off).
if (expose === null && timeline === null && !initial.off.includes(ALL_LABELS_ID)) {
  preloadGlyphs(document, window.location.origin);
}
/** Renders the page the URL asks for, once the UI language's catalogue is at hand (Danish is; English is fetched). */
function render(root: HTMLElement): void {
  // Both pages load their code on demand: the map, which most visits open, does not carry it.
  if (expose !== null) {
    void import('./pages/ExposePage').then(({ ExposePage }) =>
      createRoot(root).render(
        <StrictMode>
          <ExposePage api={httpApi} id={expose.id} lang={initial.lang} />
        </StrictMode>,
      ),
    );
  } else if (timeline !== null) {
    void import('./pages/TimelinePage').then(({ TimelinePage }) =>
      createRoot(root).render(
        <StrictMode>
          <TimelinePage api={httpApi} target={timeline} lang={initial.lang} />
        </StrictMode>,
      ),
    );
  } else {
    const storage = browserStorage();
    const store = createAppStore({
      api: httpApi,
      initial: { ...initial, short: initialShortlist({ fromUrl: initial.short, storage }) },
    });
    persistShortlist(store, storage);
    startApp(store);
    createRoot(root).render(
      <StrictMode>
        <AppStoreContext.Provider value={store}>
          <App />
        </AppStoreContext.Provider>
      </StrictMode>,
    );
  }
}

void loadLang(initial.lang).then(() => render(root));
