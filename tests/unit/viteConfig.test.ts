import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { build, type UserConfig, type UserConfigFnObject } from 'vite';
import viteConfig from '../../vite.config';

const CONFIG_FILE = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));

let outDir: string | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  if (outDir) await rm(outDir, { recursive: true, force: true });
  outDir = undefined;
});

describe('the client build (vite.config.ts, issue #19)', () => {
  it('makes no source maps by default: no .map files and no sourceMappingURL comment in any file', async () => {
    vi.stubEnv('VITE_SOURCEMAP', undefined);
    outDir = await mkdtemp(join(tmpdir(), 'koege-build-'));
    await build({ configFile: CONFIG_FILE, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    const files = (await readdir(outDir, { recursive: true })).map(String);
    expect(files).toContain('index.html');
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const file of files.filter((f) => /\.(m?js|css|html)$/.test(f))) {
      expect(await readFile(join(outDir, file), 'utf8'), file).not.toContain('sourceMappingURL');
    }
  }, 120_000);

  it('makes them with VITE_SOURCEMAP=true', () => {
    vi.stubEnv('VITE_SOURCEMAP', 'true');
    const config = (viteConfig as UserConfigFnObject)({ command: 'build', mode: 'production' }) as UserConfig;
    expect(config.build?.sourcemap).toBe(true);
  });
});
