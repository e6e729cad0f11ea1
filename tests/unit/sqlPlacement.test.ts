import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Issue #17: SQL lives in a module's repositories (`*Repository.ts`, or `*Queries.ts` for the tile SQL built per
// layer table); routes and pure logic call them. server/src/platform (engines, migrations, seed, backup, deadlines)
// is the database layer itself and may hold SQL.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MODULES = join(ROOT, 'server/src/modules');

/** A statement's opening words, upper case as this project writes SQL, in any string of a file. */
const SQL =
  /\b(SELECT\s+[\w*(]|INSERT\s+INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b|CREATE\s+(TABLE|INDEX)\b|WITH\s+\w+\s+AS\b)/;
const REPOSITORY = /(Repository|Queries)\.ts$/;
/** Files whose SQL is not our database's: writeGeoPackage.ts builds a GeoPackage file in SQLite (sql.js). */
const NOT_OUR_DATABASE = ['server/src/modules/exports/writeGeoPackage.ts'];

/** Every line of `text` with SQL in it (comments left out), numbered from 1. */
function sqlLines(text: string): number[] {
  return text
    .split('\n')
    .map((line, i) => ({ line: line.replace(/\/\/.*$|^\s*\*.*$/, ''), n: i + 1 }))
    .filter(({ line }) => SQL.test(line))
    .map(({ n }) => n);
}

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );

describe('SQL only in repositories', () => {
  it('finds SQL where a route would hold it (a deliberate violation)', () => {
    const route = [
      '// SELECT in a comment is fine',
      "app.get('/x', async () => (await app.pg.query('SELECT id FROM layer')).rows);",
      'const sql = `WITH g AS MATERIALIZED (SELECT 1)`;',
    ].join('\n');
    expect(sqlLines(route)).toEqual([2, 3]);
  });

  it('no file of server/src/modules outside a repository holds SQL', () => {
    const found = files(MODULES)
      .filter((f) => !REPOSITORY.test(f) && !NOT_OUR_DATABASE.includes(relative(ROOT, f)))
      .flatMap((f) => sqlLines(readFileSync(f, 'utf8')).map((n) => `${relative(ROOT, f)}:${n}`));
    expect(found).toEqual([]);
  });

  it('the repositories it spares do hold SQL (the pattern still matches this project’s SQL)', () => {
    const repositories = files(MODULES).filter((f) => REPOSITORY.test(f));
    expect(repositories.length).toBeGreaterThan(10);
    const withSql = repositories.filter((f) => sqlLines(readFileSync(f, 'utf8')).length > 0);
    expect(withSql.length).toBeGreaterThan(repositories.length / 2);
  });
});
