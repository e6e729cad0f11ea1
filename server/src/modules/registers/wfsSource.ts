import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { readRegisterFile } from './readRegisterSource';
import { RegisterImportError } from './RegisterImportError';
import type { SourceFeature, SourceSummary } from './SourceFeature';
import { wfsPaging, type WfsPaging } from './wfsPageUrl';

/** A downloaded page, kept in the spool folder until the import commits. */
interface SpooledPage {
  url: string;
  file: string;
  features: number;
  next?: string;
}

interface Manifest {
  url: string;
  pages: SpooledPage[];
  /** True once the last page is in. */
  complete: boolean;
}

/** More pages than this is a server that never stops paging. */
const MAX_PAGES = 100_000;

/** Where pages wait for the import: IMPORT_SPOOL_DIR, else the system's temporary folder. */
export const spoolRoot = () => process.env.IMPORT_SPOOL_DIR ?? join(tmpdir(), 'koege-import-spool');

/** One folder per URL, so that a re-run of the same command finds its pages. */
const spoolDirOf = (url: string, root: string) =>
  join(root, createHash('sha256').update(url).digest('hex').slice(0, 16));

async function readManifest(dir: string, url: string): Promise<Manifest | null> {
  try {
    const m = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    return m.url === url ? m : null;
  } catch {
    return null;
  }
}

/** Counts a spooled page's features and reads its paging hints, streaming it as the import will. */
async function summarise(file: string, url: string): Promise<SourceSummary> {
  const reader = readRegisterFile(file, url);
  for (;;) {
    const step = await reader.next();
    if (step.done) return step.value;
  }
}

async function download(url: string, file: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/gml+xml, application/json;q=0.9, */*;q=0.5' } });
  } catch (err) {
    throw new RegisterImportError(
      url,
      null,
      `the server cannot be reached (${(err as Error).cause ?? (err as Error).message})`,
    );
  }
  if (!res.ok || !res.body) throw new RegisterImportError(url, null, `the server answered HTTP ${res.status}`);
  const part = `${file}.part`;
  try {
    await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), createWriteStream(part));
  } catch (err) {
    throw new RegisterImportError(url, null, `the download broke off (${(err as Error).message})`);
  }
  await rename(part, file);
}

export interface WfsSource {
  features: AsyncIterable<SourceFeature>;
  /** Drops the spooled pages (after the import committed). */
  done(): Promise<void>;
}

/**
 * A WFS GetFeature URL as a feature source. All pages are downloaded first (COUNT/STARTINDEX, or the response's
 * `next` link where it gives one), each to a file in the spool folder with a progress line, then read in order, so
 * that the import stays one transaction. Resume: a run that stopped while downloading leaves its complete pages;
 * the same command continues after the last of them (`restart` drops them and starts at the first page). The
 * database load itself always starts over, as it is all or nothing.
 */
export async function openWfsSource({
  url,
  restart,
  log,
  root = spoolRoot(),
}: {
  url: string;
  restart: boolean;
  log: (message: string) => void;
  root?: string;
}): Promise<WfsSource> {
  let paging: WfsPaging;
  try {
    paging = wfsPaging(url);
  } catch (err) {
    throw new RegisterImportError(url, null, (err as Error).message);
  }
  const dir = spoolDirOf(url, root);
  if (restart) await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const manifest: Manifest = (await readManifest(dir, url)) ?? { url, pages: [], complete: false };
  const save = () => writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  const kept = manifest.pages.reduce((n, p) => n + p.features, 0);
  if (manifest.pages.length > 0) {
    log(`resuming: ${manifest.pages.length} pages (${kept.toLocaleString('en')} features) already downloaded`);
  }

  let total = kept;
  while (!manifest.complete) {
    if (manifest.pages.length >= MAX_PAGES) throw new RegisterImportError(url, null, `more than ${MAX_PAGES} pages`);
    const last = manifest.pages.at(-1);
    const pageUrl = last?.next ?? paging.pageUrl(paging.startIndex + manifest.pages.length * paging.count);
    const file = join(dir, `page-${String(manifest.pages.length + 1).padStart(6, '0')}`);
    await download(pageUrl, file);
    const summary = await summarise(file, pageUrl);
    total += summary.features;
    manifest.pages.push({
      url: pageUrl,
      file,
      features: summary.features,
      ...(summary.next ? { next: summary.next } : {}),
    });
    // A next link is followed while pages have features; without one, a short page is the last.
    manifest.complete = summary.features === 0 || (summary.next ? false : summary.features < paging.count);
    await save();
    const of = summary.numberMatched !== undefined ? ` of ${summary.numberMatched.toLocaleString('en')}` : '';
    log(`page ${manifest.pages.length}: ${summary.features} features (${total.toLocaleString('en')}${of} downloaded)`);
  }

  async function* features(): AsyncGenerator<SourceFeature> {
    let offset = 0;
    for (const page of manifest.pages) {
      let last = 0;
      for await (const f of readRegisterFile(page.file, page.url)) {
        last = f.n;
        yield { ...f, n: offset + f.n, typeName: f.typeName ?? paging.typeName };
      }
      offset += last;
    }
  }
  return { features: features(), done: () => rm(dir, { recursive: true, force: true }) };
}
