import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { PROJECT_ROOT } from './childProcesses';
import { prng } from './prng';
import { readRssMiB } from './RssSampler';

// The actors of `npm run test:load` besides the load itself: a logged-in planner who writes, and the server's RSS.

export interface Planner {
  cookie: string;
  csrf: string;
}

export async function plannerSession(origin: string): Promise<Planner> {
  const email = `load-planner-${Date.now()}@example.org`;
  const password = randomBytes(18).toString('base64url');
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/src/platform/auth/userCli.ts',
      'add',
      '--email',
      email,
      '--name',
      'Load Planner',
      '--role',
      'planner',
    ],
    { cwd: PROJECT_ROOT, env: { ...process.env, KOEGE_PASSWORD: password }, stdio: 'ignore' },
  );
  const response = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`planner login failed: HTTP ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrf_token: csrf } = (await response.json()) as { csrf_token: string };
  return { cookie, csrf };
}

/** A planner saving a small sketch every second until `stop`; counts the answers that were not 201. */
export function sketchWriter(origin: string, planner: Planner, timeoutMs: number) {
  const random = prng(42);
  let written = 0;
  const failures: string[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const lon = 12.1 + random() * 0.08;
      const lat = 55.45 + random() * 0.05;
      const d = 0.001;
      const ring = [
        [lon, lat],
        [lon + d, lat],
        [lon + d, lat + d],
        [lon, lat + d],
        [lon, lat],
      ];
      try {
        const response = await fetch(`${origin}/api/sketches`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: planner.cookie, 'x-csrf-token': planner.csrf },
          body: JSON.stringify({
            title: `Belastningstest ${written + failures.length + 1}`,
            proposed_use: '31',
            geometry: { type: 'Polygon', coordinates: [ring] },
          }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (response.status === 201) written++;
        else failures.push(`HTTP ${response.status}`);
      } catch (error) {
        failures.push(error instanceof Error ? error.message : String(error));
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { written, failures };
    },
  };
}

/** RSS of the server once a second, with the time since start. */
export function rssSeries(pid: number) {
  const start = performance.now();
  const samples: { t: number; mib: number }[] = [];
  const timer = setInterval(() => samples.push({ t: (performance.now() - start) / 1000, mib: readRssMiB(pid) }), 1000);
  return {
    stop() {
      clearInterval(timer);
      return samples;
    },
  };
}
