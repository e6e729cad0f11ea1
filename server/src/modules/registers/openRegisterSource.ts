import { readRegisterFile } from './readRegisterSource';
import type { SourceFeature } from './SourceFeature';

export interface RegisterSource {
  features: AsyncIterable<SourceFeature>;
  /** Called after the import committed: a URL source drops the pages it kept for a resume. */
  done(): Promise<void>;
}

/** A file path, or (step 4) a WFS URL. */
export async function openRegisterSource({
  location,
}: {
  location: string;
  restart: boolean;
  log: (message: string) => void;
}): Promise<RegisterSource> {
  return { features: readRegisterFile(location), done: async () => {} };
}
