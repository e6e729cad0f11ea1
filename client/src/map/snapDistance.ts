/** How close (CSS pixels) the cursor must come to a vertex to snap to it, or to pick it for the keyboard. */
export const SNAP_DISTANCE_PX = 12;
