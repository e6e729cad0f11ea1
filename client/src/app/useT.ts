import { useCallback } from 'react';
import type { MessageKey } from '@shared/i18n/da';
import { translate } from './i18n';
import { useAppStore } from '../store/useAppStore';

/** The translate function for the current UI language. */
export function useT(): (key: MessageKey, params?: Record<string, string | number>) => string {
  const lang = useAppStore((state) => state.lang);
  return useCallback((key, params) => translate(lang, key, params), [lang]);
}
