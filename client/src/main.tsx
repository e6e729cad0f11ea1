import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { httpApi } from './api/httpApi';
import { App } from './app/App';
import { parseUrlState } from './app/urlState';
import './app/app.css';
import { createAppStore, startApp } from './store/createAppStore';
import { AppStoreContext } from './store/useAppStore';

const store = createAppStore({ api: httpApi, initial: parseUrlState(window.location.search) });
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
