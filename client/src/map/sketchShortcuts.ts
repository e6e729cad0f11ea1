import type { MessageKey } from '@shared/i18n/da';

/** What a key does in the sketch tab (issue #6). */
export type SketchShortcutAction =
  | 'polygon'
  | 'linestring'
  | 'point'
  | 'select'
  | 'delete'
  | 'cancel'
  | 'finish'
  | 'undo'
  | 'redo'
  | 'nextVertex'
  | 'previousVertex'
  | 'moveVertex';

/**
 * The drawing tool's keys, in the order the sketch panel lists them: `keys` is shown as is (key names are the
 * same in Danish and English), `labelKey` says what it does.
 */
export const SKETCH_SHORTCUTS: readonly { keys: string; labelKey: MessageKey }[] = [
  { keys: 'P', labelKey: 'sketchDraw.key.polygon' },
  { keys: 'L', labelKey: 'sketchDraw.key.linestring' },
  { keys: 'O', labelKey: 'sketchDraw.key.point' },
  { keys: 'S', labelKey: 'sketchDraw.key.select' },
  { keys: 'Enter', labelKey: 'sketchDraw.key.finish' },
  { keys: 'Esc', labelKey: 'sketchDraw.key.cancel' },
  { keys: 'V / Shift+V', labelKey: 'sketchDraw.key.vertex' },
  { keys: '← ↑ → ↓', labelKey: 'sketchDraw.key.move' },
  { keys: 'Delete', labelKey: 'sketchDraw.key.delete' },
  { keys: 'Ctrl+Z', labelKey: 'sketchDraw.key.undo' },
  { keys: 'Ctrl+Shift+Z / Ctrl+Y', labelKey: 'sketchDraw.key.redo' },
];

/** The parts of a keyboard event the shortcuts look at (a KeyboardEvent has them all). */
export interface ShortcutKeyEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'number',
  'password',
  'tel',
  'url',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
]);

/**
 * True while the user types or works a form control: letters go into the field, arrows move its caret or value,
 * Delete deletes text. Checked on the element's tag and attributes so that it works for any target.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as { tagName?: unknown; type?: unknown; isContentEditable?: unknown } | null;
  if (element === null || typeof element.tagName !== 'string') return false;
  const tag = element.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return TEXT_INPUT_TYPES.has(String(element.type ?? 'text').toLowerCase());
  return element.isContentEditable === true;
}

/** True on buttons and links, where Enter and the arrows already mean something. */
function isActivatable(target: EventTarget | null): boolean {
  const tag = (target as { tagName?: unknown } | null)?.tagName;
  return typeof tag === 'string' && ['BUTTON', 'A', 'INPUT', 'SUMMARY'].includes(tag.toUpperCase());
}

const ARROWS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);

/** The action of a key press in the sketch tab, or null when the key is not a sketch shortcut there. */
export function sketchShortcutFor(event: ShortcutKeyEvent): SketchShortcutAction | null {
  if (isTypingTarget(event.target) || event.altKey) return null;
  const key = event.key;
  const lower = key.length === 1 ? key.toLowerCase() : key;
  if (event.ctrlKey || event.metaKey) {
    if (lower === 'z') return event.shiftKey ? 'redo' : 'undo';
    if (lower === 'y' && !event.shiftKey) return 'redo';
    return null;
  }
  if (key === 'Delete' || key === 'Backspace') return 'delete';
  if (key === 'Escape') return 'cancel';
  if (key === 'Enter') return isActivatable(event.target) ? null : 'finish';
  if (ARROWS.has(key)) return isActivatable(event.target) ? null : 'moveVertex';
  if (lower === 'v') return event.shiftKey ? 'previousVertex' : 'nextVertex';
  if (event.shiftKey) return null;
  switch (lower) {
    case 'p':
      return 'polygon';
    case 'l':
      return 'linestring';
    case 'o':
      return 'point';
    case 's':
      return 'select';
    default:
      return null;
  }
}
