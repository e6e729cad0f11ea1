/**
 * A refused import: the file (or URL) at fault, where in it (a line, a feature), and why. The command line prints
 * it on one line and exits non-zero; the transaction is rolled back, so the database is unchanged.
 */
export class RegisterImportError extends Error {
  constructor(
    readonly source: string,
    readonly where: string | null,
    readonly reason: string,
  ) {
    super(`${source}${where ? `: ${where}` : ''}: ${reason}`);
    this.name = 'RegisterImportError';
  }
}

/** Where a feature is, for messages: "feature 12 (id 1088), line 40". */
export function featurePlace(f: { n: number; line: number | undefined; fid?: string | undefined }): string {
  return `feature ${f.n}${f.fid ? ` (id ${f.fid.slice(0, 80)})` : ''}${f.line ? `, line ${f.line}` : ''}`;
}
