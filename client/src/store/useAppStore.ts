import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState } from './AppState';
import type { AppStore } from './createAppStore';

/** Provides the app's one store (created in main.tsx from the permalink). */
export const AppStoreContext = createContext<AppStore | null>(null);

/** The store itself, for subscriptions outside React's render (the map, the URL). */
export function useAppStoreApi(): AppStore {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useAppStoreApi needs an AppStoreContext provider');
  return store;
}

/** Reads a slice of state; selectors return primitives or stable references (or use useShallow). */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}
