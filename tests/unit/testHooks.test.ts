import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// Issue #17: the browser tests' hooks are compiled out of the production bundle (client/src/testHooks.ts).
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** What the hooks leave in a bundle: the window properties and the data attributes the browser tests read. */
const HOOK_WORDS = ['__koegeMap', '__koegeSwipeMap', 'renderedAt', 'matchingPaintedAt', 'matchingCount'];
const dirs: string[] = [];

/** Builds the client in `mode` into a temporary folder; the words of HOOK_WORDS found in its JavaScript. */
function hookWordsInBuild(mode: 'production' | 'e2e'): string[] {
  const outDir = mkdtempSync(join(tmpdir(), `koege-hooks-${mode}-`));
  dirs.push(outDir);
  execFileSync(
    join(ROOT, 'node_modules/.bin/vite'),
    ['build', '--mode', mode, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    { cwd: ROOT, stdio: 'pipe' },
  );
  const js = readdirSync(join(outDir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(outDir, 'assets', f), 'utf8'))
    .join('\n');
  return HOOK_WORDS.filter((w) => js.includes(w));
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('test hooks', () => {
  it('are in the browser tests’ build (so the words searched for are the right ones)', () => {
    expect(hookWordsInBuild('e2e')).toEqual(HOOK_WORDS);
  }, 120_000);

  it('are not in the production bundle', () => {
    expect(hookWordsInBuild('production')).toEqual([]);
  }, 120_000);
});
