import { describe, expect, it } from 'vitest';
import { da } from '@shared/i18n/da';
import { en } from '@shared/i18n/en';
import {
  isTypingTarget,
  SKETCH_SHORTCUTS,
  sketchShortcutFor,
  type ShortcutKeyEvent,
} from '../../../../client/src/map/sketchShortcuts';

/** A key press on `target` (a stand-in element: the matcher reads only its tag and attributes). */
const press = (key: string, more: Partial<ShortcutKeyEvent> = {}): ShortcutKeyEvent => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  target: { tagName: 'CANVAS' } as unknown as EventTarget,
  ...more,
});
const on = (tagName: string, extra: Record<string, unknown> = {}) => ({ tagName, ...extra }) as unknown as EventTarget;

describe('sketch shortcuts', () => {
  it('pick the drawing tools with P, L, O and S, either case', () => {
    expect(sketchShortcutFor(press('p'))).toBe('polygon');
    expect(sketchShortcutFor(press('L'))).toBe('linestring');
    expect(sketchShortcutFor(press('o'))).toBe('point');
    expect(sketchShortcutFor(press('s'))).toBe('select');
  });

  it('undo with Ctrl+Z (⌘Z), redo with Ctrl+Shift+Z or Ctrl+Y', () => {
    expect(sketchShortcutFor(press('z', { ctrlKey: true }))).toBe('undo');
    expect(sketchShortcutFor(press('z', { metaKey: true }))).toBe('undo');
    expect(sketchShortcutFor(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(sketchShortcutFor(press('y', { ctrlKey: true }))).toBe('redo');
    // Ctrl+P prints, Ctrl+S saves the page: the browser keeps those.
    expect(sketchShortcutFor(press('p', { ctrlKey: true }))).toBeNull();
    expect(sketchShortcutFor(press('s', { ctrlKey: true }))).toBeNull();
  });

  it('edit with Delete, Esc, Enter, V and the arrows', () => {
    expect(sketchShortcutFor(press('Delete'))).toBe('delete');
    expect(sketchShortcutFor(press('Backspace'))).toBe('delete');
    expect(sketchShortcutFor(press('Escape'))).toBe('cancel');
    expect(sketchShortcutFor(press('Enter'))).toBe('finish');
    expect(sketchShortcutFor(press('v'))).toBe('nextVertex');
    expect(sketchShortcutFor(press('V', { shiftKey: true }))).toBe('previousVertex');
    expect(sketchShortcutFor(press('ArrowUp', { shiftKey: true }))).toBe('moveVertex');
  });

  it('never fire while typing in a field, nor take Enter or arrows from buttons, nor Alt combinations', () => {
    for (const target of [
      on('INPUT', { type: 'text' }),
      on('textarea'),
      on('SELECT'),
      on('DIV', { isContentEditable: true }),
    ]) {
      for (const key of ['p', 'Delete', 'Escape', 'z', 'ArrowLeft']) {
        expect(sketchShortcutFor(press(key, { target, ctrlKey: key === 'z' })), key).toBeNull();
      }
    }
    expect(sketchShortcutFor(press('Enter', { target: on('BUTTON') }))).toBeNull();
    expect(sketchShortcutFor(press('ArrowDown', { target: on('A') }))).toBeNull();
    expect(sketchShortcutFor(press('p', { target: on('BUTTON') }))).toBe('polygon');
    expect(sketchShortcutFor(press('p', { altKey: true }))).toBeNull();
    expect(sketchShortcutFor(press('x'))).toBeNull();
  });

  it('treat checkboxes and buttons as not typing, text inputs as typing', () => {
    expect(isTypingTarget(on('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTypingTarget(on('INPUT'))).toBe(true);
    expect(isTypingTarget(on('INPUT', { type: 'Number' }))).toBe(true);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('are listed for the panel with a label in both languages', () => {
    expect(SKETCH_SHORTCUTS.map((shortcut) => shortcut.keys)).toContain('Ctrl+Z');
    for (const { labelKey } of SKETCH_SHORTCUTS) {
      expect(da[labelKey]).toBeTruthy();
      expect(en[labelKey]).toBeTruthy();
    }
  });
});
