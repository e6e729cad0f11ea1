import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import fc from 'fast-check';
import pg from 'pg';
import { foldText } from '../../../server/src/modules/search/foldText';
import { foldQuery } from '../../../server/src/modules/search/searchRepository';
import { seedData } from '../seedFixtures';

// The search folds its query in TypeScript (foldText) and its keys in SQL (search_fold, migration 012): both must
// give the same, on both engines, or a query would miss the keys it should find.
let db: pg.Client;
beforeAll(async () => {
  db = new pg.Client({ connectionString: inject('databaseUrl') });
  await db.connect();
});
afterAll(async () => {
  await db.end();
});

/** Every text given: folded by the database in one statement, then compared one by one. */
async function expectSameFold(texts: readonly string[]) {
  const { rows } = await db.query<{ folded: string[] }>(
    'SELECT array_agg(search_fold(t) ORDER BY n) AS folded FROM unnest($1::text[]) WITH ORDINALITY AS u(t, n)',
    [texts],
  );
  expect(texts.map(foldText)).toEqual(rows[0]!.folded);
}

describe('foldText', () => {
  it('folds as search_fold does: Danish letters both ways, accents, case, numbers and punctuation', async () => {
    const texts = [
      'Køge',
      'KØGE',
      'Koege',
      'Bækgårdsvej 12, 4600 Køge',
      'ÅBENRÅ Aabenraa',
      'Ølsemagle By, Ølsemagle 5ae',
      'Müller Straße Ärø Öre',
      'Café Crème à la Señor Ýdalir Ç',
      '3.6 kn-05 1.4',
      "'; DROP TABLE site; --",
      '%_% \\ $1',
      '  Køge\tNord \n',
      '—–…€ 😀 Køge',
      'ÉÈÊËÁÀÂÍÌÎÏÓÒÔÚÙÛÝÇÑ éèêëáàâíìîïóòôúùûýçñ',
      '',
      '---',
    ];
    await expectSameFold(texts);
    expect(await foldQuery(db, 'Bækgårdsvej')).toBe(foldText('Bækgårdsvej'));
  });

  it('folds every name of the seed as search_fold does', async () => {
    const { features, policy } = await seedData();
    const names = [...features.values()].flatMap((c) => c.features.map((f) => String(f.properties.name ?? '')));
    const actions = policy.initiatives.flatMap((i) => [i.title, ...i.actions.map((a) => a.text)]);
    await expectSameFold([...names, ...actions]);
  });

  it('folds random text of Danish, accented, ASCII and other letters as search_fold does (seeded)', async () => {
    const alphabet = [
      ...'abcxyzABCXYZ0123456789 .-,;:/\'"%_\\()!?\t',
      ...'æøåÆØÅäöüÄÖÜéèêëáàâíìîïóòôúùûýçñÉÈÊËÁÀÂÍÌÎÏÓÒÔÚÙÛÝÇÑ',
      ...'ßþðœÿŁłŠšΩω€–…😀',
    ];
    const texts = fc.sample(
      fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((chars) => chars.join('')),
      { seed: 21, numRuns: 500 },
    );
    await expectSameFold(texts);
  });
});
