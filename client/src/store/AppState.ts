import type { StateCreator } from 'zustand/vanilla';
import type { AuthSlice } from './authSlice';
import type { ProgressEditSlice } from './progressEditSlice';
import type { TenderEditSlice } from './tenderEditSlice';
import type { ClimateSlice } from './climateSlice';
import type { FinderSlice } from './finderSlice';
import type { FloodSlice } from './floodSlice';
import type { LayersSlice } from './layersSlice';
import type { PolicySlice } from './policySlice';
import type { PresentationSlice } from './presentationSlice';
import type { ShortlistSlice } from './shortlistSlice';
import type { SiteSlice } from './siteSlice';
import type { SketchDrawSlice } from './sketchDrawSlice';
import type { SketchSlice } from './sketchSlice';
import type { UiSlice } from './uiSlice';
import type { ViewSlice } from './viewSlice';

/** The one store's state: serialisable data and the actions on it (never the Map object). */
export type AppState = AuthSlice &
  TenderEditSlice &
  ProgressEditSlice &
  LayersSlice &
  SiteSlice &
  PolicySlice &
  UiSlice &
  ViewSlice &
  FinderSlice &
  FloodSlice &
  ShortlistSlice &
  ClimateSlice &
  PresentationSlice &
  SketchDrawSlice &
  SketchSlice;

/** A slice creator over the combined state; middleware goes only on the combined store. */
export type AppSlice<T> = StateCreator<AppState, [], [], T>;

/** Progress of one piece of remote data. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';
