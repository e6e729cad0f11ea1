import { RegisterImportError } from './RegisterImportError';

/**
 * The first character of a text stream that is not white space (a byte-order mark is not counted), and the whole
 * stream again from its start, without the mark: a reader picks the format by it. Only the chunks up to that
 * character are held. A stream that ends before one is refused as an empty file, named by `source`.
 */
export async function peekFirstCharacter(
  chunks: AsyncIterable<string>,
  source: string,
): Promise<{ first: string; chunks: AsyncIterable<string> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const head: string[] = [];
  let first: string | undefined;
  while (first === undefined) {
    const next = await iterator.next();
    if (next.done) throw new RegisterImportError(source, null, 'the file is empty');
    const text = head.length === 0 ? next.value.replace(/^\uFEFF/, '') : next.value;
    head.push(text);
    first = /\S/.exec(text)?.[0];
  }
  async function* all() {
    yield* head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { first, chunks: all() };
}
