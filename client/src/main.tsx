import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { httpApi } from './api/httpApi';
import { App } from './app/App';
import { parseUrlState } from './app/urlState';
import './app/app.css';
import { createAppStore, startApp } from './store/createAppStore';
import { persistShortlist } from './store/persistShortlist';
import { browserStorage, initialShortlist } from './store/shortlistStorage';
import { AppStoreContext } from './store/useAppStore';

const initial = parseUrlState(window.location.search);
const storage = browserStorage();
const store = createAppStore({
  api: httpApi,
  initial: { ...initial, short: initialShortlist({ fromUrl: initial.short, storage }) },
});
persistShortlist(store, storage);
startApp(store);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <AppStoreContext.Provider value={store}>
      <App />
    </AppStoreContext.Provider>
  </StrictMode>,
);
