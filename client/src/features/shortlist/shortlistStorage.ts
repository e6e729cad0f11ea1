import { MAX_SHORTLIST, normaliseIds } from './Shortlist';

/** The localStorage key of the shortlist: a JSON array of plot ids. */
export const SHORTLIST_STORAGE_KEY = 'koege.shortlist';

/** The part of the Web Storage API the shortlist uses (tests pass a plain object). */
export type ShortlistStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * Reads the stored shortlist. Whatever cannot be read (no storage, blocked storage, broken JSON, ids that are not
 * ids) is dropped, never thrown: a stale browser profile must not break the map.
 */
export function readStoredShortlist(storage: ShortlistStorage | null): string[] {
  if (storage === null) return [];
  try {
    const value: unknown = JSON.parse(storage.getItem(SHORTLIST_STORAGE_KEY) ?? '[]');
    return Array.isArray(value) ? normaliseIds({ ids: value, max: MAX_SHORTLIST }) : [];
  } catch {
    return [];
  }
}

/** Stores the shortlist; a full or blocked storage only loses the copy, not the shortlist in the link. */
export function writeStoredShortlist(storage: ShortlistStorage | null, ids: readonly string[]): void {
  if (storage === null) return;
  try {
    storage.setItem(SHORTLIST_STORAGE_KEY, JSON.stringify(normaliseIds({ ids, max: MAX_SHORTLIST })));
  } catch {
    // Quota exceeded or storage disabled: the link still carries the shortlist.
  }
}

/** The shortlist to start with: the link's when it has one (`short=`, null when absent), else the stored one. */
export function initialShortlist({
  fromUrl,
  storage,
}: {
  fromUrl: readonly string[] | null;
  storage: ShortlistStorage | null;
}): string[] {
  return fromUrl !== null ? normaliseIds({ ids: fromUrl, max: MAX_SHORTLIST }) : readStoredShortlist(storage);
}

/** The browser's localStorage, or null where reading it throws (sandboxed frames, some privacy modes). */
export function browserStorage(): ShortlistStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
