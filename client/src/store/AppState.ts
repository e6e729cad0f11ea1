import type { StateCreator } from 'zustand/vanilla';
import type { FinderSlice } from './finderSlice';
import type { FloodSlice } from './floodSlice';
import type { LayersSlice } from './layersSlice';
import type { PolicySlice } from './policySlice';
import type { ShortlistSlice } from './shortlistSlice';
import type { SiteSlice } from './siteSlice';
import type { UiSlice } from './uiSlice';
import type { ViewSlice } from './viewSlice';

/** The one store's state: serialisable data and the actions on it (never the Map object). */
export type AppState = LayersSlice &
  SiteSlice &
  PolicySlice &
  UiSlice &
  ViewSlice &
  FinderSlice &
  FloodSlice &
  ShortlistSlice;

/** A slice creator over the combined state; middleware goes only on the combined store. */
export type AppSlice<T> = StateCreator<AppState, [], [], T>;

/** Progress of one piece of remote data. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';
