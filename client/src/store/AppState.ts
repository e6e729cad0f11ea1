import type { StateCreator } from 'zustand/vanilla';
import type { AuthSlice } from '../features/auth/authSlice';
import type { ProgressEditSlice } from '../features/policy/progressEditSlice';
import type { TenderEditSlice } from '../features/tenders/tenderEditSlice';
import type { ClimateSlice } from '../features/climate/climateSlice';
import type { FinderSlice } from '../features/finder/finderSlice';
import type { FloodSlice } from '../features/climate/floodSlice';
import type { LayersSlice } from '../features/layers/layersSlice';
import type { PolicySlice } from '../features/policy/policySlice';
import type { PresentationSlice } from '../features/presentation/presentationSlice';
import type { ShortlistSlice } from '../features/shortlist/shortlistSlice';
import type { SearchSlice } from '../features/search/searchSlice';
import type { SiteSlice } from '../features/site/siteSlice';
import type { SketchDrawSlice } from '../features/sketches/sketchDrawSlice';
import type { SketchSlice } from '../features/sketches/sketchSlice';
import type { SketchCheckSlice } from '../features/sketches/sketchCheckSlice';
import type { SketchImportSlice } from '../features/sketches/sketchImportSlice';
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
  SketchSlice &
  SketchCheckSlice &
  SketchImportSlice &
  SearchSlice;

/** A slice creator over the combined state; middleware goes only on the combined store. */
export type AppSlice<T> = StateCreator<AppState, [], [], T>;

/** Progress of one piece of remote data. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';
