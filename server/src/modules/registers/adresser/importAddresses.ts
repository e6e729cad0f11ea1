import type pg from 'pg';
import { FieldProblem } from '../registerFields';
import { featurePlace, RegisterImportError } from '../RegisterImportError';
import {
  applyAddresses,
  createAddressStage,
  firstDuplicateAddress,
  recordAddressImport,
  stageAddresses,
  type AddressChanges,
} from './addressRepository';
import { mapAddress, type AddressRow } from './mapAddress';
import type { AddressRecord } from './readAddressRecords';

export const ADDRESS_PUBLISHER = 'Danmarks Adresseregister (DAR), Klimadatastyrelsen (Dataforsyningen)';
export const ADDRESS_LICENCE = 'Danmarks Adresser: frie data (Dataforsyningen, vilkår for brug af frie data)';

export interface AddressImportReport extends AddressChanges {
  location: string;
  features: number;
  seconds: number;
}

const BATCH = 2_000;
const PROGRESS_EVERY = 100_000;
/** Bad rows named in one refusal; the file is not read further after that. */
const LISTED_FAULTS = 10;

/**
 * Loads Dataforsyningen's adgangsadresser into `address` in one transaction on `client`: every row is checked and
 * staged first, then written by id (new, changed, unchanged, removed). A file with bad rows is refused naming
 * them by line (the first ten), a repeated id by both places; then nothing has changed.
 */
export async function importAddresses({
  client,
  location,
  records,
  onProgress = () => {},
}: {
  client: pg.ClientBase;
  location: string;
  records: AsyncIterable<AddressRecord>;
  onProgress?: (message: string) => void;
}): Promise<AddressImportReport> {
  const started = performance.now();
  const faults: string[] = [];
  let batch: AddressRow[] = [];
  let count = 0;
  await client.query('BEGIN');
  try {
    await createAddressStage(client);
    for await (const r of records) {
      count++;
      try {
        batch.push(mapAddress(r));
      } catch (err) {
        if (!(err instanceof FieldProblem)) throw err;
        faults.push(`${featurePlace({ n: r.n, line: r.line })}: ${err.message}`);
        if (faults.length === LISTED_FAULTS) break;
      }
      if (batch.length === BATCH) {
        if (faults.length === 0) await stageAddresses(client, batch);
        batch = [];
      }
      if (count % PROGRESS_EVERY === 0) onProgress(`${count.toLocaleString('en')} addresses read`);
    }
    if (faults.length > 0) {
      const more = faults.length === LISTED_FAULTS ? `; the file was not read further` : '';
      throw new RegisterImportError(location, null, `${faults.join('; ')}${more}; nothing was changed`);
    }
    if (batch.length > 0) await stageAddresses(client, batch);
    if (count === 0) throw new RegisterImportError(location, null, 'has no addresses; nothing was changed');
    const twice = await firstDuplicateAddress(client);
    if (twice) {
      throw new RegisterImportError(
        location,
        `${featurePlace({ n: twice.first.n, line: twice.first.line ?? undefined })} and ${featurePlace({ n: twice.second.n, line: twice.second.line ?? undefined })}`,
        `both have the id ${twice.id}: an address id must be unique`,
      );
    }
    const changes = await applyAddresses(client);
    await recordAddressImport(client, { ...changes, source: location, licence: ADDRESS_LICENCE, features: count });
    await client.query('COMMIT');
    return { ...changes, location, features: count, seconds: (performance.now() - started) / 1000 };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
}

/** The lines `npm run import -- adresser` prints when it is done. */
export function formatAddressReport(r: AddressImportReport): string[] {
  const n = (v: number) => v.toLocaleString('en');
  return [
    `read ${n(r.features)} addresses from ${r.location} in ${r.seconds.toFixed(1)} s`,
    `address: ${n(r.inserted)} added, ${n(r.updated)} changed, ${n(r.removed)} removed, ${n(r.features - r.inserted - r.updated)} unchanged`,
  ];
}
