import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { da } from '@shared/i18n/da';
import { en } from '@shared/i18n/en';

// Issue #17: what the production bundle carries. The browser tests' hooks are compiled out of it
// (client/src/testHooks.ts), and the first load of the map holds Danish only (client/src/app/i18n.ts).
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** What the hooks leave in a bundle: the window properties and the data attributes the browser tests read. */
const HOOK_WORDS = ['__koegeMap', '__koegeSwipeMap', 'renderedAt', 'matchingPaintedAt', 'matchingCount'];
const dirs: string[] = [];
const builds = new Map<string, string>();

/** Builds the client in `mode` into a temporary folder once; the folder. */
function build(mode: 'production' | 'e2e'): string {
  const done = builds.get(mode);
  if (done !== undefined) return done;
  const outDir = mkdtempSync(join(tmpdir(), `koege-bundle-${mode}-`));
  dirs.push(outDir);
  execFileSync(
    join(ROOT, 'node_modules/.bin/vite'),
    ['build', '--mode', mode, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    { cwd: ROOT, stdio: 'pipe' },
  );
  builds.set(mode, outDir);
  return outDir;
}

/** The JavaScript of the build's asset files, all of them or only `names`. */
function javaScriptOf(outDir: string, names?: string[]): string {
  return (names ?? readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js')))
    .map((f) => readFileSync(join(outDir, 'assets', f), 'utf8'))
    .join('\n');
}

/** The script files the page loads before anything runs: the entry and its modulepreloads in index.html. */
function initialScripts(outDir: string): string[] {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('test hooks', () => {
  it('are in the browser tests’ build (so the words searched for are the right ones)', () => {
    const js = javaScriptOf(build('e2e'));
    expect(HOOK_WORDS.filter((w) => js.includes(w))).toEqual(HOOK_WORDS);
  }, 120_000);

  it('are not in the production bundle', () => {
    const js = javaScriptOf(build('production'));
    expect(HOOK_WORDS.filter((w) => js.includes(w))).toEqual([]);
  }, 120_000);
});

describe('UI catalogues in the production bundle', () => {
  // Strings long enough to be found only where their catalogue is.
  const danish = da['timeline.intro'];
  const english = en['timeline.intro'];

  it('the first load carries Danish and not English', () => {
    const outDir = build('production');
    const scripts = initialScripts(outDir);
    expect(scripts.length).toBeGreaterThan(0);
    const first = javaScriptOf(outDir, scripts);
    expect(first.includes(danish)).toBe(true);
    expect(first.includes(english)).toBe(false);
  }, 120_000);

  it('English is in a chunk of its own that the build holds', () => {
    const outDir = build('production');
    const initial = new Set(initialScripts(outDir));
    const holders = readdirSync(join(outDir, 'assets')).filter(
      (f) => f.endsWith('.js') && javaScriptOf(outDir, [f]).includes(english),
    );
    expect(holders).toHaveLength(1);
    expect(initial.has(holders[0]!)).toBe(false);
  }, 120_000);
});
