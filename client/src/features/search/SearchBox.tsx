import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { SearchHit } from '@shared/schemas/search';
import { SEARCH_QUERY_MAX, SEARCH_QUERY_MIN } from '@shared/schemas/vocabulary';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore';
import { useT } from '../../app/useT';
import { fetchSearch } from './searchApi';
import { groupHits } from './groupHits';
import { openHit } from './openHit';
import './search.css';

/** Quiet time after the last key before the search is sent, in ms. */
const DEBOUNCE_MS = 150;

type Status = 'idle' | 'loading' | 'ready' | 'error';

/**
 * The search box of the header (issue #21): an ARIA combobox (WAI-ARIA 1.2 pattern with a listbox popup). Typing
 * searches after a short pause, nearest to the map's centre first; the hits are grouped by type. Arrow keys move
 * through them, Enter or a click opens one (the site, the action, or the map fitted to it and a parcel's or address's
 * pin), Esc closes the list and, pressed again, clears the box (and the pin). Text from the server is rendered by React, which escapes it.
 */
export function SearchBox() {
  const t = useT();
  const store = useAppStoreApi();
  const linkedQuery = useAppStore((state) => state.searchQuery);
  const ids = useId();
  const listId = `${ids}-list`;
  const [text, setText] = useState(linkedQuery ?? '');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [status, setStatus] = useState<Status>('idle');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  useEffect(() => {
    const q = text.trim();
    if (q.length < SEARCH_QUERY_MIN) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setStatus('loading');
      const view = store.getState().view;
      fetchSearch({ q, near: view ? [view.lon, view.lat] : null, signal: controller.signal }).then(
        (result) => {
          setHits(result.hits);
          setActive(-1);
          setStatus('ready');
        },
        () => {
          // An aborted request was replaced by a newer one: its failure is no news.
          if (!controller.signal.aborted) setStatus('error');
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, store]);

  const groups = groupHits(hits);
  const expanded = open && text.trim().length >= SEARCH_QUERY_MIN && status !== 'idle';
  const optionId = (index: number) => `${ids}-hit-${index}`;

  const pick = (hit: SearchHit) => {
    const s = store.getState();
    openHit({ actions: s, hit, q: text.trim() });
    setText(hit.name);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (hits.length === 0) return;
      const n = hits.length;
      // Down from the last hit wraps to the first, up from the first (or from none) to the last.
      setActive((i) => (event.key === 'ArrowDown' ? (i + 1) % n : i <= 0 ? n - 1 : i - 1));
    } else if (event.key === 'Enter') {
      const hit = hits[active >= 0 ? active : 0];
      if (expanded && hit) {
        event.preventDefault();
        pick(hit);
      }
    } else if (event.key === 'Escape') {
      if (expanded) {
        setOpen(false);
        setActive(-1);
      } else {
        // The box emptied: the pin of a picked parcel or address and the link's q= and sel= go with it.
        setText('');
        setHits([]);
        setStatus('idle');
        store.getState().pickSearchHit(null);
        store.getState().setSearchQuery(null);
      }
    }
  };

  return (
    <div className="search-box" data-testid="search-box">
      <input
        aria-label={t('search.label')}
        className="search-box__input"
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        maxLength={SEARCH_QUERY_MAX}
        placeholder={t('search.placeholder')}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          if (event.target.value.trim().length < SEARCH_QUERY_MIN) {
            setHits([]);
            setStatus('idle');
          }
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        data-testid="search-input"
      />
      <div
        id={listId}
        role="listbox"
        aria-label={t('search.results')}
        className="search-box__list"
        hidden={!expanded}
        data-testid="search-results"
      >
        {status === 'loading' && hits.length === 0 && <p className="search-box__note">{t('search.searching')}</p>}
        {status === 'error' && <p className="search-box__note">{t('search.error')}</p>}
        {status === 'ready' && hits.length === 0 && <p className="search-box__note">{t('search.none')}</p>}
        {groups.map((group) => (
          <div key={group.type} role="group" aria-labelledby={`${ids}-group-${group.type}`}>
            <div id={`${ids}-group-${group.type}`} role="presentation" className="search-box__group">
              {t(`search.type.${group.type}`)}
            </div>
            {group.hits.map(({ hit, index }) => (
              <div
                key={`${hit.type}:${hit.id}`}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                className="search-box__option"
                data-testid={`search-hit-${hit.type}-${hit.id}`}
                // mousedown, not click: the input's blur would close the list before a click landed.
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(hit);
                }}
              >
                <span className="search-box__name">{hit.name}</span>
                <span className="search-box__detail">{hit.detail}</span>
              </div>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
