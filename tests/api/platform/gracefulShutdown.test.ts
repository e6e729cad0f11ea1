import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';

let child: ChildProcess | null = null;
let dataDir: string | null = null;
afterEach(async () => {
  child?.kill('SIGKILL');
  child = null;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = null;
});

/** Starts `npm start`'s server (without the client build) on a free port; resolves once it listens. */
async function startServer(): Promise<{ port: number; exited: Promise<number | null>; output: () => string }> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  // The embedded engine's socket is one session owned by the test run: a second process gets its own data folder.
  if (inject('engine') === 'postgis') {
    env.DATABASE_URL = inject('databaseUrl');
    env.DATABASE_OWNER_URL = inject('ownerDatabaseUrl');
  } else {
    delete env.DATABASE_URL;
    delete env.DATABASE_OWNER_URL;
    dataDir = await mkdtemp(join(tmpdir(), 'koege-shutdown-'));
    env.DATA_DIR = dataDir;
  }
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let output = '';
  proc.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  proc.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 90_000;
  while (!output.includes('ready on')) {
    if (Date.now() > deadline || proc.exitCode !== null) throw new Error(`server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { port, exited, output: () => output };
}

describe('graceful shutdown (issue #8)', () => {
  it('SIGTERM lets a request in flight finish, refuses new ones, then exits 0', async () => {
    const server = await startServer();
    // A login whose body is still arriving when SIGTERM comes: the request is in flight, not yet handled.
    // A new address each run: a fixed one would gather failures across runs on one database (per-account back-off).
    const body = JSON.stringify({ email: `nobody-${Date.now()}@example.org`, password: 'wrong password' });
    const socket = connect(server.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    let response = '';
    socket.on('data', (chunk: Buffer) => (response += chunk.toString()));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(
      `POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));

    child!.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const refused = await fetch(`http://127.0.0.1:${server.port}/api/health/live`).then(
      () => false,
      () => true,
    );
    expect(refused).toBe(true);

    socket.write(body.slice(10));
    await closed;
    expect(response).toMatch(/^HTTP\/1\.1 401 /);
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('SIGTERM: finishing requests in flight');
  }, 120_000);
});
