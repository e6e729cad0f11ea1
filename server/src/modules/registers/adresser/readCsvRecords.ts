import { RegisterImportError } from '../RegisterImportError';

/** One data row of a CSV file: its values by the header's column names, and where it was. */
export interface CsvRecord {
  /** 1-based row number, the header not counted. */
  n: number;
  line: number;
  values: Record<string, string>;
}

/**
 * The fields of one CSV line (RFC 4180: comma-separated, "quoted" with "" for a quote), or a reason it is broken.
 * A quoted field may not span lines: the registers read here never have line breaks in a value.
 */
export function splitCsvLine(text: string): string[] | string {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) return 'a quoted value is not closed on its line';
        value += text.slice(i, q);
        if (text[q + 1] === '"') {
          value += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      fields.push(value);
      if (i === text.length) return fields;
      if (text[i] !== ',') return `a quoted value is followed by "${text[i]}" instead of a comma`;
      i++;
    } else {
      const comma = text.indexOf(',', i);
      const value = text.slice(i, comma < 0 ? text.length : comma);
      if (value.includes('"')) return 'a quote inside an unquoted value';
      fields.push(value);
      if (comma < 0) return fields;
      i = comma + 1;
    }
  }
}

/**
 * Streams the records of a CSV text, one line at a time from its chunks: only the current line is held. The first
 * line names the columns; each later line must have as many values. Empty lines are skipped.
 */
export async function* readCsvRecords(chunks: AsyncIterable<string>, source: string): AsyncGenerator<CsvRecord> {
  let header: string[] | null = null;
  let pending = '';
  let line = 0;
  let n = 0;
  const fail = (reason: string): never => {
    throw new RegisterImportError(source, `line ${line}`, reason);
  };
  function* take(text: string): Generator<CsvRecord> {
    line++;
    const raw = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (raw.trim() === '') return;
    const fields = splitCsvLine(line === 1 ? raw.replace(/^\uFEFF/, '') : raw);
    if (typeof fields === 'string') fail(fields);
    const values = fields as string[];
    if (header === null) {
      header = values.map((h) => h.trim());
      return;
    }
    if (values.length !== header.length)
      fail(`${values.length} values where the header names ${header.length} columns`);
    n++;
    yield { n, line, values: Object.fromEntries(header.map((h, i) => [h, values[i]!])) };
  }
  for await (const chunk of chunks) {
    pending += chunk;
    let start = 0;
    for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n', start)) {
      yield* take(pending.slice(start, nl));
      start = nl + 1;
    }
    pending = pending.slice(start);
  }
  if (pending !== '') yield* take(pending);
  if (header === null) throw new RegisterImportError(source, null, 'the file is empty');
}
