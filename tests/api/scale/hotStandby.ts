import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const SCRIPTS = fileURLToPath(new URL('../../../ops/replica/', import.meta.url));

/**
 * A hot standby of the test cluster on loopback (ops/replica/start.sh: pg_basebackup -R, its own port and folder),
 * for the read/write-split tests of issue #18. Ports 5440–5459 are this suite's (REPLICA_PORT overrides).
 */
export class HotStandby {
  private constructor(
    readonly port: number,
    private readonly primaryPort: number,
  ) {}

  static async start(primaryUrl: string, port = Number(process.env.REPLICA_PORT ?? 5440)): Promise<HotStandby> {
    const primaryPort = Number(new URL(primaryUrl).port || 5432);
    const standby = new HotStandby(port, primaryPort);
    await standby.script('start.sh', String(port), String(primaryPort));
    return standby;
  }

  /** `url` (a connection string of the primary) pointed at this standby: same role and database. */
  route(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  /** Runs `sql` on the standby as the superuser (pausing replay needs one). */
  async admin<T extends pg.QueryResultRow>(sql: string, database = 'postgres'): Promise<T[]> {
    const client = new pg.Client({ host: '127.0.0.1', port: this.port, user: 'postgres', database });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  }

  /** Stops the standby as a crash would and keeps its folder, so `resume()` can bring it back. */
  crash(): Promise<void> {
    return this.script('stop.sh', String(this.port), 'immediate-keep');
  }

  resume(): Promise<void> {
    return this.script('resume.sh', String(this.port));
  }

  /** Stops it and removes its folder. */
  stop(): Promise<void> {
    return this.script('stop.sh', String(this.port));
  }

  private async script(name: string, ...args: string[]): Promise<void> {
    try {
      await run(`${SCRIPTS}${name}`, args, {
        env: { ...process.env, PRIMARY_PORT: String(this.primaryPort) },
        timeout: 120_000,
      });
    } catch (err) {
      const { stderr, stdout } = err as { stderr?: string; stdout?: string };
      throw new Error(`${name} ${args.join(' ')} failed: ${stderr || stdout || (err as Error).message}`, {
        cause: err,
      });
    }
  }
}
