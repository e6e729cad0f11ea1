import { describe, expect, it } from 'vitest';
import { peekFirstCharacter } from '../../../../server/src/modules/registers/peekFirstCharacter';

async function* chunksOf(...texts: string[]) {
  for (const text of texts) yield text;
}
const collect = async (chunks: AsyncIterable<string>) => {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
};

describe('peekFirstCharacter', () => {
  it('finds the first character past a byte-order mark and white space split over chunks, and replays them all', async () => {
    const { first, chunks } = await peekFirstCharacter(chunksOf('\uFEFF  ', '\n\t', ' <osm>', '</osm>\n'), 'f.xml');
    expect(first).toBe('<');
    expect(await collect(chunks)).toBe('  \n\t <osm></osm>\n');
  });

  it('takes a stream whose first chunk already holds it', async () => {
    const { first, chunks } = await peekFirstCharacter(chunksOf('id,vejnavn\n1,Ølbyvej\n'), 'a.csv');
    expect(first).toBe('i');
    expect(await collect(chunks)).toBe('id,vejnavn\n1,Ølbyvej\n');
  });

  it('refuses an empty or blank stream as an empty file, named', async () => {
    await expect(peekFirstCharacter(chunksOf(), 'empty.json')).rejects.toThrow('empty.json: the file is empty');
    await expect(peekFirstCharacter(chunksOf('\uFEFF', ' \n', '\t'), 'blank.json')).rejects.toThrow(
      'blank.json: the file is empty',
    );
  });
});
