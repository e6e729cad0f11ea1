import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../../bench/lib/childProcesses';

export { freePort };

/**
 * App instances, nginx and Varnish on loopback with the shipped configurations (ops/nginx/koege.conf,
 * ops/varnish/default.vcl), their addresses replaced by free ports (issue #18), or a plain nginx balancer. Used by
 * tileCache.test.ts, scaleOut.test.ts and bench/scale.ts.
 */
const OPS = fileURLToPath(new URL('../../../ops/', import.meta.url));
export const NGINX = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
export const VARNISHD = ['/usr/sbin/varnishd', '/usr/local/sbin/varnishd'].find((p) => existsSync(p));

export interface Started {
  child: ChildProcess;
  output: () => string;
}

export class EdgeStack {
  private readonly children: ChildProcess[] = [];
  constructor(readonly dir: string) {}

  start(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Started {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.children.push(child);
    let output = '';
    child.stdout?.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-20_000)));
    child.stderr?.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-20_000)));
    return { child, output: () => output };
  }

  async waitFor(url: string, { child, output }: Started, withinMs = 120_000): Promise<void> {
    const deadline = Date.now() + withinMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${url}: process exited\n${output()}`);
      try {
        if ((await fetch(url)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`${url} did not come up\n${output()}`);
  }

  /** One app instance (server/src/server.ts) on a free port with `env` over the current environment. */
  async instance(env: NodeJS.ProcessEnv): Promise<{ origin: string; process: Started }> {
    const port = await freePort();
    const started = this.start(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      TRUST_PROXY: '127.0.0.1',
      // The limits are counted in the test database, shared by every test file's apps (issue #18): a test that is
      // not about them must not be refused for the others' writes. Tests of the limits pass their own.
      WRITE_RATE_LIMIT: '100000',
      EXPENSIVE_RATE_LIMIT: '100000',
      ...env,
    });
    const origin = `http://127.0.0.1:${port}`;
    await this.waitFor(`${origin}/api/health/ready`, started);
    return { origin, process: started };
  }

  /**
   * nginx with ops/nginx/koege.conf: the public side on `front`, Varnish's backend on `internal`, tiles to Varnish
   * on `varnish` with the instances as backup.
   */
  async nginx(ports: { front: number; internal: number; varnish: number }, instances: string[]): Promise<Started> {
    let site = await readFile(join(OPS, 'nginx/koege.conf'), 'utf8');
    const hosts = instances.map((o) => o.replace('http://', ''));
    const appServers = (suffix: string) => hosts.map((h) => `  server ${h}${suffix};`).join('\n');
    site = site
      .replace(
        /upstream koege_app \{[^}]*\}/,
        `upstream koege_app {\n${appServers(' max_fails=1 fail_timeout=5s')}\n  keepalive 32;\n}`,
      )
      .replace(
        /upstream koege_tiles \{[^}]*\}/,
        `upstream koege_tiles {\n  server 127.0.0.1:${ports.varnish} max_fails=1 fail_timeout=10s;\n${appServers(' backup')}\n  keepalive 32;\n}`,
      )
      .replace('listen 8080;', `listen 127.0.0.1:${ports.front};`)
      .replace('listen 127.0.0.1:8082;', `listen 127.0.0.1:${ports.internal};`);
    const dir = join(this.dir, 'nginx');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'koege.conf'), site);
    const started = await this.runNginx(dir, `include ${dir}/koege.conf;`, 1024);
    await this.waitFor(`http://127.0.0.1:${ports.front}/api/health/live`, started);
    return started;
  }

  /**
   * A plain nginx balancer (round robin, no Varnish, not the shipped configuration) in front of `instances` on a
   * free port, as the two-instance test of issue #8 uses; its origin.
   */
  async balancer(instances: string[]): Promise<string> {
    const port = await freePort();
    const dir = join(this.dir, 'balancer');
    await mkdir(dir, { recursive: true });
    const started = await this.runNginx(
      dir,
      `upstream koege { ${instances.map((u) => `server ${u.replace('http://', '')};`).join(' ')} }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://koege;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Request-Id $request_id;
    }
  }`,
      256,
    );
    const origin = `http://127.0.0.1:${port}`;
    await this.waitFor(`${origin}/api/health/live`, started);
    return origin;
  }

  /** nginx in the foreground with its files in `dir` and `http` inside its http block. */
  private async runNginx(dir: string, http: string, workerConnections: number): Promise<Started> {
    const conf = join(dir, 'nginx.conf');
    await writeFile(
      conf,
      `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections ${workerConnections}; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  ${http}
}
`,
    );
    if (!NGINX) throw new Error('nginx is not installed (apt-get install nginx)');
    return this.start(NGINX, ['-c', conf, '-p', dir]);
  }

  /** Varnish with ops/varnish/default.vcl on `port`, its backend nginx's `internal` port; `origin` may use CORS. */
  async varnish(port: number, internal: number, allowedOrigin: string): Promise<Started> {
    const vcl = (await readFile(join(OPS, 'varnish/default.vcl'), 'utf8'))
      .replace('.port = "8082";', `.port = "${internal}";`)
      .replace('"^https://kort\\.example\\.dk$"', `"^${allowedOrigin.replace(/[.]/g, '\\.')}$"`);
    const dir = join(this.dir, 'varnish');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'default.vcl'), vcl);
    if (!VARNISHD) throw new Error('varnish is not installed (apt-get install varnish)');
    // -j none: no privilege separation, so it runs as whoever runs the test, in its own work folder.
    const started = this.start(VARNISHD, [
      '-F',
      '-j',
      'none',
      '-n',
      join(dir, 'work'),
      '-a',
      `127.0.0.1:${port}`,
      '-f',
      join(dir, 'default.vcl'),
      '-s',
      'malloc,64m',
      '-p',
      'thread_pools=1',
      '-p',
      'thread_pool_min=5',
    ]);
    await this.waitFor(`http://127.0.0.1:${port}/api/health/live`, started, 60_000);
    return started;
  }

  /** Stops one process and waits for it. */
  async stop({ child }: Started): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }

  /** For exit paths that cannot wait: SIGKILL to every process still running, each by its own PID. */
  killAllNow(): void {
    for (const child of this.children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }

  async stopAll(): Promise<void> {
    for (const child of this.children.reverse()) await this.stop({ child, output: () => '' });
  }
}
