import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Issue #17: no file of the app's source is too long to hold in one's head. Split by responsibility, not by
// cutting a file in half (docs/ARCHITECTURE.md).
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAX_LINES = 400;
const SOURCE = /^(client|server|shared|seeds|tests|scripts|bench)\/.*\.(ts|tsx|css|mjs)$/;

describe('source file length', () => {
  it(`no file of client, server, shared, seeds, tests, scripts or bench has more than ${MAX_LINES} lines`, () => {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((f) => SOURCE.test(f));
    expect(files.length).toBeGreaterThan(200);
    const long = files
      .map((f) => ({ f, lines: readFileSync(ROOT + f, 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ f, lines }) => `${f}: ${lines}`);
    expect(long).toEqual([]);
  });
});
