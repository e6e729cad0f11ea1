import { readRegisterFile } from './readRegisterSource';
import type { SourceFeature } from './SourceFeature';
import { openWfsSource } from './wfsSource';

export interface RegisterSource {
  features: AsyncIterable<SourceFeature>;
  /** Called after the import committed: a URL source drops the pages it kept for a resume. */
  done(): Promise<void>;
}

/** A file path, or an http(s) WFS GetFeature URL (paged, downloaded first, resumable). */
export async function openRegisterSource({
  location,
  restart,
  log,
}: {
  location: string;
  restart: boolean;
  log: (message: string) => void;
}): Promise<RegisterSource> {
  if (/^https?:\/\//i.test(location)) return openWfsSource({ url: location, restart, log });
  return { features: readRegisterFile(location), done: async () => {} };
}
