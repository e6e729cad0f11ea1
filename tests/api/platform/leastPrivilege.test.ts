import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import pg from 'pg';

// Issue #19: the app runs as a role that owns nothing, and may only add to and read the audit trail.

const AUDIT_TABLES = ['tender_event', 'action_progress_event', 'sketch_version', 'sketch_event'] as const;

/**
 * The app's rights. Where the run has two roles (CI: DATABASE_OWNER_URL beside DATABASE_URL), the very login the
 * apps under test use; with one, the owner takes on the app's group role, koege_app, for one transaction (SET
 * LOCAL: the embedded engine is one session under every connection, so a session-wide SET ROLE would leak).
 */
const twoRoles = inject('databaseUrl') !== inject('ownerDatabaseUrl');
const how = twoRoles ? 'the login of DATABASE_URL' : 'SET LOCAL ROLE koege_app';

let app: pg.Client;

beforeAll(async () => {
  app = new pg.Client({ connectionString: inject('databaseUrl') });
  await app.connect();
});

/** Runs `work` with the app's rights in a transaction that is always rolled back. */
async function asApp<T>(work: () => Promise<T>): Promise<T> {
  await app.query('BEGIN');
  try {
    if (!twoRoles) await app.query('SET LOCAL ROLE koege_app');
    return await work();
  } finally {
    await app.query('ROLLBACK');
  }
}

afterAll(async () => {
  await app.end();
});

/** Runs `sql` with the app's rights, rolled back, and returns the error it raised, if any. */
const refusal = (sql: string) =>
  asApp(() =>
    app.query(sql).then(
      () => null,
      (err: unknown) => err as { code?: string; message: string },
    ),
  );

describe('the app’s database role', () => {
  it('is no superuser and owns nothing in the schema', async () => {
    const { rows } = await asApp(() =>
      app.query<{ superuser: boolean; owned: number }>(
        `SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
              (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND pg_has_role(current_user, c.relowner, 'USAGE')) AS owned`,
      ),
    );
    expect(rows[0], how).toEqual({ superuser: false, owned: 0 });
  });

  it('may read every table and write the ones the app writes', async () => {
    expect(await refusal('SELECT count(*) FROM site')).toBeNull();
    expect(await refusal('SELECT count(*) FROM sketch_event')).toBeNull();
    expect(await refusal(`DELETE FROM login_attempt WHERE at < now() - interval '1 day'`)).toBeNull();
    // Neither the seed's tables nor the schema itself.
    expect((await refusal(`UPDATE site SET name = name WHERE false`))?.code).toBe('42501');
    expect((await refusal('CREATE TABLE intruder (x int)'))?.code).toBe('42501');
  });

  describe.each(AUDIT_TABLES)('%s', (table) => {
    it('takes INSERT and SELECT', async () => {
      const { rows } = await asApp(() =>
        app.query<{ insert: boolean; select: boolean }>(
          `SELECT has_table_privilege(current_user, $1, 'INSERT') AS insert,
                  has_table_privilege(current_user, $1, 'SELECT') AS select`,
          [table],
        ),
      );
      expect(rows[0]).toEqual({ insert: true, select: true });
    });

    it.each([
      ['UPDATE', `UPDATE ${table} SET actor = actor`],
      ['DELETE', `DELETE FROM ${table}`],
      ['TRUNCATE', `TRUNCATE ${table}`],
      ['ALTER TABLE … DISABLE TRIGGER', `ALTER TABLE ${table} DISABLE TRIGGER ALL`],
      ['SET session_replication_role', 'SET session_replication_role = replica'],
    ])('refuses %s', async (_what, sql) => {
      const error = await refusal(sql);
      expect(error, `${sql} as ${how}`).not.toBeNull();
      // 42501: insufficient privilege ("permission denied", "must be owner").
      expect(error!.code).toBe('42501');
      // Refused for want of the right, not only by the append-only trigger (which the owner could drop).
      expect(error!.message).toMatch(/permission denied|must be owner/);
    });
  });
});

describe('the audit trail’s guard', () => {
  // A client per case: after a refused statement the embedded engine sends one ReadyForQuery too many
  // (electric-sql/pglite#958), which would answer the next case's first query.
  let owner: pg.Client;
  beforeEach(async () => {
    owner = new pg.Client({ connectionString: inject('ownerDatabaseUrl') });
    owner.on('error', () => {});
    await owner.connect();
  });
  afterEach(async () => {
    await owner.end().catch(() => {});
  });

  it.each(['sketch_event', 'sketch_version'])('holds for the owner too: no TRUNCATE of %s', async (table) => {
    await owner.query('BEGIN');
    try {
      await expect(owner.query(`TRUNCATE ${table} CASCADE`)).rejects.toThrow(/append-only/);
    } finally {
      await owner.query('ROLLBACK').catch(() => {});
    }
  });

  it.each([
    ['changed', `UPDATE sketch_event SET actor = 'x' WHERE sketch_id = $1`],
    ['removed', 'DELETE FROM sketch_event WHERE sketch_id = $1'],
  ])('holds for the owner too: a sketch event is never %s', async (_what, sql) => {
    await owner.query('BEGIN');
    try {
      const { rows } = await owner.query<{ id: string }>('INSERT INTO sketch DEFAULT VALUES RETURNING id');
      await owner.query(`INSERT INTO sketch_event (sketch_id, kind, actor) VALUES ($1, 'deleted', 'test')`, [
        rows[0]!.id,
      ]);
      await expect(owner.query(sql, [rows[0]!.id])).rejects.toThrow(/append-only/);
    } finally {
      await owner.query('ROLLBACK').catch(() => {});
    }
  });
});
