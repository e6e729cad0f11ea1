import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The project root (bench/lib/ → ../../). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every child a benchmark started, so that an abort stops them all (by PID, each one). */
const running = new Set<ChildProcess>();

/** A free TCP port on loopback, chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface Child {
  pid: number;
  /** The last lines it wrote (stdout and stderr), for error messages. */
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it has exited. */
  stop(graceMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

/**
 * Starts a TypeScript entry point in Node with tsx's loader (`node --import tsx`), not through the tsx CLI:
 * the CLI runs the script in a grandchild, and the PID whose RSS we poll must be the server's own.
 */
export function startTs({
  script,
  args = [],
  env,
}: {
  script: string;
  args?: string[];
  env: NodeJS.ProcessEnv;
}): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not start ${script}`);
  running.add(child);
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return {
    pid: child.pid,
    output: () => lines.join('\n'),
    exited,
    async stop(graceMs = 5000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Stops every child still running (SIGKILL, each by its own PID); for aborts and watchdogs. */
export function killAllChildren(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** Polls `url` until it answers 2xx, the child exits, or `timeoutMs` passes. */
export async function waitForHttp({ url, child, timeoutMs }: { url: string; child: Child; timeoutMs: number }) {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void child.exited.then((code) => (exitCode = code ?? -1));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`${url}: the process exited (${exitCode}):\n${child.output()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s:\n${child.output()}`);
}

export interface AppServer extends Child {
  origin: string;
}

/** Starts our Fastify server (server/src/server.ts) on a free loopback port and waits for /api/health. */
export async function startAppServer({
  env,
  script = 'server/src/server.ts',
  timeoutMs = 180_000,
}: {
  /** Added to this process's environment (DATABASE_URL, TILE_CACHE_MB, DATA_DIR …). */
  env: Record<string, string>;
  /** The entry point, relative to the project root. */
  script?: string;
  timeoutMs?: number;
}): Promise<AppServer> {
  const port = await freePort();
  const child = startTs({
    script,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
  });
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp({ url: `${origin}/api/health`, child, timeoutMs });
  } catch (err) {
    await child.stop();
    throw err;
  }
  return { ...child, origin };
}

/**
 * Makes every exit path stop the children and a run that hangs end by itself: after `maxMs` the
 * benchmark is aborted with exit code 3.
 */
export function installWatchdog(maxMs: number, name: string): void {
  const abort = (why: string, code: number) => {
    console.error(`[${name}] ${why}: stopping the processes it started`);
    killAllChildren();
    process.exit(code);
  };
  const timer = setTimeout(() => abort(`still running after ${Math.round(maxMs / 60000)} min`, 3), maxMs);
  timer.unref();
  process.once('SIGINT', () => abort('interrupted', 130));
  process.once('SIGTERM', () => abort('terminated', 143));
  process.once('exit', killAllChildren);
}
