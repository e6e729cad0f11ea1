import type { AppStore } from '../../store/createAppStore';
import { writeStoredShortlist, type ShortlistStorage } from './shortlistStorage';

/** Copies every change of the shortlist to `storage` (so a plain link reopens it); returns the unsubscribe. */
export function persistShortlist(store: AppStore, storage: ShortlistStorage | null): () => void {
  return store.subscribe((state, prev) => {
    if (state.shortlist !== prev.shortlist) writeStoredShortlist(storage, state.shortlist);
  });
}
