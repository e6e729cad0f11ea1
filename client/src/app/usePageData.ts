import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/ApiError';

/** What a page of its own (the exposé, the timeline) has loaded so far. */
export type PageData<D> =
  { status: 'loading' } | { status: 'ready'; data: D } | { status: 'not-found' } | { status: 'error'; message: string };

/**
 * Loads a page's data with `load` whenever `key` changes (or on retry); a 404 becomes 'not-found', any other
 * failure an error message. `load` null means the link cannot name anything: 'not-found' without asking the API.
 * Answers to an earlier key are dropped.
 */
export function usePageData<D>(
  load: (() => Promise<D>) | null,
  key: string,
): { state: PageData<D>; retry: () => void } {
  const [state, setState] = useState<PageData<D>>(load === null ? { status: 'not-found' } : { status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const hasLoad = load !== null;

  useEffect(() => {
    if (load === null) return;
    let current = true;
    load().then(
      (data) => {
        if (current) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiError && error.status === 404) setState({ status: 'not-found' });
        else setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      current = false;
    };
    // `load` is a new function on every render; `key` names what it loads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, hasLoad, attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { state, retry };
}
