/**
 * A reader of one link's parameters: `read(name, parse, fallback)` gives the parsed value, or `fallback` when
 * the parameter is absent or empty ("not set"), or unreadable — then its name also goes into `ignored`, so the
 * UI can say which parts of a hand-edited link it left out.
 */
export function linkParamReader<P extends string>(params: URLSearchParams, ignored: P[]) {
  return <T>(name: P, parse: (text: string) => T | undefined, fallback: T): T => {
    const text = params.get(name);
    if (text === null || text === '') return fallback;
    const value = parse(text);
    if (value === undefined) {
      ignored.push(name);
      return fallback;
    }
    return value;
  };
}
