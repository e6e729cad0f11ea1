import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { startEmbeddedEngine } from '../../../server/src/platform/db/embeddedEngine';
import { prepareDatabase } from '../../../server/src/platform/db/openDatabase';
import { tableChecksums } from '../tableChecksums';
import { scratchDatabase } from '../scratchDatabase';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'koege-seedkill-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const quiet = () => {};

async function checksums(connectionString: string) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await tableChecksums(client);
  } finally {
    await client.end();
  }
}

/**
 * Runs `npm run seed` against `env` and SIGKILLs it as soon as it reports loading its first layer, that is, inside
 * its transaction. Resolves with whether the kill came before the process ended on its own.
 */
function seedKilledHalfWay(env: NodeJS.ProcessEnv): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = // One process (tsx's CLI would run the script in a child that outlives the kill).
      spawn(process.execPath, ['--import', 'tsx', 'seeds/seedCli.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!killed && output.includes('seeding layer')) {
        killed = child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(true);
      else if (code === 0) resolve(false);
      else reject(new Error(`seed failed on its own (${code}):\n${output}`));
    });
  });
}

/** A migrated, unseeded database, its checksums, and what a complete seed makes of it. */
async function expectBeforeOrComplete(
  connectionString: string,
  kill: () => Promise<boolean>,
  reopen?: () => Promise<string>,
) {
  const before = await checksums(connectionString);
  const killedInside = await kill();
  console.log(`[seed-kill] killed inside the transaction: ${killedInside}`);
  const url = reopen ? await reopen() : connectionString;
  const after = await checksums(url);
  await prepareDatabase({ connectionString: url, seed: 'always', log: quiet });
  const complete = await checksums(url);
  expect(complete).not.toEqual(before);
  if (killedInside) expect(after).toEqual(before);
  else expect(after).toEqual(complete);
  return url;
}

describe('a seed killed half-way (issue #8)', () => {
  it('embedded engine: the folder holds the database as before, never a half seed', async () => {
    const dataDir = join(dir, 'embedded');
    let engine = await startEmbeddedEngine({ dataDir });
    await prepareDatabase({ connectionString: engine.connectionString, seed: 'never', log: quiet });
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    delete env.DATABASE_OWNER_URL;
    await expectBeforeOrComplete(
      engine.connectionString,
      async () => {
        await engine.close();
        return seedKilledHalfWay(env);
      },
      async () => {
        engine = await startEmbeddedEngine({ dataDir });
        return engine.connectionString;
      },
    );
    await engine.close();
  }, 180_000);

  it.runIf(inject('engine') === 'postgis')(
    'PostgreSQL: before or complete, never half',
    async () => {
      const scratch = await scratchDatabase();
      try {
        const url = scratch.connectionString;
        await prepareDatabase({ connectionString: url, seed: 'never', log: quiet });
        await expectBeforeOrComplete(url, () =>
          seedKilledHalfWay({ ...process.env, DATABASE_URL: url, DATABASE_OWNER_URL: url }),
        );
      } finally {
        await scratch.drop();
      }
    },
    120_000,
  );
});
