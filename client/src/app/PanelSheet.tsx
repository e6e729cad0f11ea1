import { useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { NO_INSETS } from '../map/CameraFraming';
import { useAppStore } from '../store/useAppStore';
import { SHEET_SNAPS } from '../store/uiSlice';
import { PHONE_QUERY, useMediaQuery } from './layout';
import { restingSnap, snapHeights } from './sheetSnaps';
import { useT } from './useT';

/** A drag of the handle under way: where it started and the pointer's last two positions. */
interface Drag {
  pointerId: number;
  startY: number;
  startHeight: number;
  lastY: number;
  lastT: number;
  speed: number;
}

/**
 * The panels' container (issue #20). On a phone it is a bottom sheet over the map, with three snap points (peek,
 * half, full) that its handle drags between (touch, mouse or the arrow keys), and the part of the map it covers
 * becomes the map's padding. On a tablet it is one side panel that folds away; the open site takes the tabs' place
 * in both. On a desktop it lays its children out around the map (display: contents).
 */
export function PanelSheet({ children }: { children: ReactNode }) {
  const t = useT();
  const phone = useMediaQuery(PHONE_QUERY);
  const { snap, setSnap, siteOpen, collapsed, setMapInsets } = useAppStore(
    useShallow((state) => ({
      snap: state.sheetSnap,
      setSnap: state.setSheetSnap,
      siteOpen: state.selectedSiteId !== null,
      collapsed: state.panelCollapsed,
      setMapInsets: state.setMapInsets,
    })),
  );
  const ref = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | null>(null);
  const [available, setAvailable] = useState(0);
  const [dragHeight, setDragHeight] = useState<number | null>(null);

  // The room under the header, followed as the window turns or resizes.
  useLayoutEffect(() => {
    const parent = ref.current?.parentElement;
    if (!phone || !parent) return;
    const observer = new ResizeObserver(() => setAvailable(parent.clientHeight));
    observer.observe(parent);
    setAvailable(parent.clientHeight);
    return () => observer.disconnect();
  }, [phone]);

  // The map's padding follows the sheet (every frame of a drag too); beside the map, the panels cover none of it.
  useLayoutEffect(() => {
    const sheet = ref.current;
    if (!phone || !sheet) {
      setMapInsets(NO_INSETS);
      return;
    }
    const report = () => setMapInsets({ ...NO_INSETS, bottom: Math.round(sheet.getBoundingClientRect().height) });
    const observer = new ResizeObserver(report);
    observer.observe(sheet);
    report();
    return () => observer.disconnect();
  }, [phone, setMapInsets]);

  const heights = snapHeights(available);
  const height = dragHeight ?? heights[snap];

  const onPointerDown = (event: PointerEvent<HTMLButtonElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = {
      pointerId: event.pointerId,
      startY: event.clientY,
      startHeight: height,
      lastY: event.clientY,
      lastT: event.timeStamp,
      speed: 0,
    };
  };
  const onPointerMove = (event: PointerEvent<HTMLButtonElement>) => {
    const current = drag.current;
    if (current === null || current.pointerId !== event.pointerId) return;
    const dt = event.timeStamp - current.lastT;
    if (dt > 0) current.speed = (current.lastY - event.clientY) / dt;
    current.lastY = event.clientY;
    current.lastT = event.timeStamp;
    const next = current.startHeight + current.startY - event.clientY;
    setDragHeight(Math.min(heights.full, Math.max(heights.peek, next)));
  };
  const onPointerEnd = (event: PointerEvent<HTMLButtonElement>) => {
    const current = drag.current;
    if (current === null || current.pointerId !== event.pointerId) return;
    drag.current = null;
    const moved = Math.abs(event.clientY - current.startY);
    setDragHeight(null);
    // A tap (no travel) steps up, and from the top back down to half.
    if (moved < 4) {
      setSnap(snap === 'full' ? 'half' : snap === 'half' ? 'full' : 'half');
      return;
    }
    setSnap(restingSnap({ height: dragHeight ?? height, available, speed: current.speed }));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const step = event.key === 'ArrowUp' ? 1 : event.key === 'ArrowDown' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const index = Math.min(SHEET_SNAPS.length - 1, Math.max(0, SHEET_SNAPS.indexOf(snap) + step));
    setSnap(SHEET_SNAPS[index] ?? snap);
  };

  const classes = ['sheet', `sheet--${snap}`, siteOpen ? 'sheet--site' : '', collapsed ? 'sheet--collapsed' : ''];
  return (
    <div
      ref={ref}
      className={classes.filter(Boolean).join(' ')}
      data-testid="panel-sheet"
      data-snap={snap}
      style={phone ? { height } : undefined}
    >
      {phone && (
        <button
          type="button"
          className="sheet__handle"
          data-testid="sheet-handle"
          aria-label={`${t('layout.sheetHandle')}: ${t(`layout.sheet.${snap}`)}`}
          title={t('layout.sheetHandleHint')}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerEnd}
          onPointerCancel={onPointerEnd}
          onKeyDown={onKeyDown}
        >
          <span className="sheet__grip" aria-hidden="true" />
        </button>
      )}
      {children}
    </div>
  );
}
