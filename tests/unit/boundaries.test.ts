import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Issue #17: the module boundaries of .dependency-cruiser.cjs, run over a fixture tree with one deliberate
// violation of each rule, the same way `npm test`'s gate runs them over the project.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/boundaries/', import.meta.url));

interface Violation {
  from: string;
  to: string;
  rule: { name: string; severity: string };
}

/** dependency-cruiser over the fixture with the project's rules: its exit status and (`json`) its violations. */
function cruiseFixture(outputType: 'err' | 'json'): { stdout: string; exitCode: number } {
  const args = [
    `${ROOT}node_modules/dependency-cruiser/bin/dependency-cruise.mjs`,
    ...['--config', `${ROOT}.dependency-cruiser.cjs`, '--output-type', outputType],
    ...['client', 'server', 'shared', 'seeds'],
  ];
  try {
    return { stdout: execFileSync(process.execPath, args, { cwd: FIXTURE, encoding: 'utf8' }), exitCode: 0 };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { stdout: failed.stdout, exitCode: failed.status };
  }
}

describe('module boundaries (dependency-cruiser)', () => {
  const violations: Violation[] = JSON.parse(cruiseFixture('json').stdout).summary.violations;
  const found = violations
    .map((v) => `${v.rule.name}: ${v.from} → ${v.to.replace(/^.*node_modules\/([^/]+)\/.*$/, 'node_modules/$1')}`)
    .sort();

  // A second dependency-cruiser process: 5 to 9 s on the 2-core machine while other suites run, past vitest's 5 s.
  it('fails the run on a violation, as the gate of `npm test` runs it', { timeout: 60_000 }, () => {
    expect(cruiseFixture('err').exitCode).not.toBe(0);
    expect(violations.every((v) => v.rule.severity === 'error')).toBe(true);
  });

  it('catches each deliberate violation, and nothing that keeps to the rules', () => {
    expect(found).toEqual(
      [
        'client-only-through-shared: client/src/app/leak.ts → server/src/secret.ts',
        'feature-through-its-index: client/src/features/a/usesB.ts → client/src/features/b/privatePart.ts',
        'maplibre-only-in-map: client/src/app/mapOutsideMap.ts → node_modules/maplibre-gl',
        'module-through-its-index: server/src/modules/x/usesY.ts → server/src/modules/y/yRepository.ts',
        'runtime-never-imports-seeds: server/src/seeded.ts → seeds/seedRows.ts',
        'server-only-through-shared: server/src/secret.ts → client/src/app/label.ts',
        'shared-imports-neither-side: shared/contract.ts → server/src/secret.ts',
      ].sort(),
    );
  });
});
