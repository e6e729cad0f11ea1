import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { RegisterImportError } from '../RegisterImportError';
import { readAddressRecords, type AddressRecord } from './readAddressRecords';

/** An address file, streamed as UTF-8 text in 256 KiB chunks. */
export async function* openAddressFile(path: string): AsyncGenerator<AddressRecord> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new RegisterImportError(path, null, 'no such file');
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  try {
    yield* readAddressRecords(stream as AsyncIterable<string>, path);
  } finally {
    stream.destroy();
  }
}
