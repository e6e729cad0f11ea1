/** A thrown reason about one field: the caller adds the file and feature. */
export class FieldProblem extends Error {}

/** The first of `names` the properties hold (exact, then case-insensitive), as trimmed text; undefined if none. */
export function field(properties: Record<string, unknown>, names: readonly string[]): string | undefined {
  for (const name of names) {
    const exact = properties[name];
    if (exact !== undefined && exact !== null && String(exact).trim() !== '') return String(exact).trim();
  }
  const lower = new Map(Object.entries(properties).map(([k, v]) => [k.toLowerCase(), v]));
  for (const name of names) {
    const v = lower.get(name.toLowerCase());
    if (v !== undefined && v !== null && String(v).trim() !== '') return String(v).trim();
  }
  return undefined;
}

/** {@link field}, or a FieldProblem naming the field when it is missing or empty. */
export function required(properties: Record<string, unknown>, names: readonly string[]): string {
  const value = field(properties, names);
  if (value === undefined) throw new FieldProblem(`the required field ${names[0]} is missing or empty`);
  return value;
}

/** An optional number field: undefined when absent, a FieldProblem when present but not a number. */
export function optionalNumber(properties: Record<string, unknown>, name: string): number | undefined {
  const text = field(properties, [name]);
  if (text === undefined) return undefined;
  const value = Number(text.replace(',', '.'));
  if (!Number.isFinite(value)) throw new FieldProblem(`field ${name} is not a number ("${text.slice(0, 40)}")`);
  return value;
}

/** A date field as YYYY-MM-DD: Plandata writes yyyymmdd numbers, WFS GeoJSON ISO dates (maybe with a zone). */
export function optionalDate(properties: Record<string, unknown>, name: string): string | undefined {
  const text = field(properties, [name]);
  if (text === undefined) return undefined;
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:$|[TZ+ ])/.exec(text);
  if (iso) return iso[1];
  throw new FieldProblem(`field ${name} is not a date ("${text.slice(0, 40)}")`);
}
