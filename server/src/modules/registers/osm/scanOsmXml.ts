/**
 * A field-made scanner for OSM XML: elements, their attributes and the line each ends on, from text in chunks of
 * any size, with no object per attribute. OSM XML is flat and regular (elements with attributes, whitespace
 * between them), and a general SAX parser (saxes) spent most of an import's time on it. Still, it is XML: what is
 * not well-formed is refused, naming the line: a tag not closed or closed out of order, text or a second element
 * outside the root, an attribute without a quoted value, `<` in a value, an unknown entity, a truncated file.
 * Comments, processing instructions, a DOCTYPE and CDATA are skipped; attribute values are normalised as XML
 * says (a literal tab or line break is a space; character references and the five named entities decoded).
 */

export class XmlError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export interface XmlHandlers {
  /**
   * An element opens; its attributes are `attrs[0..count)` as name, value, name, value…: the array is reused, so
   * read what is needed now. `empty` for `<x … />`, which gets no `close`.
   */
  open(name: string, attrs: string[], count: number, line: number, empty: boolean): void;
  close(name: string, line: number): void;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);|&/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const LINE_BREAKS = /\r\n|[\t\n\r]/g;
const HAS_BREAK = /[\t\n\r]/;

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

export class OsmXmlScanner {
  private buf = '';
  /** Lines counted up to `counted` in `buf`. */
  private line = 1;
  private counted = 0;
  private readonly stack: string[] = [];
  private rootClosed = false;
  private sawRoot = false;
  private readonly attrs: string[] = [];

  constructor(private readonly handlers: XmlHandlers) {}

  /** Elements open now; 0 before the root and after it closed. */
  get depth(): number {
    return this.stack.length;
  }

  /** The line the scanner has reached. */
  get currentLine(): number {
    return this.line;
  }

  private lineAt(pos: number): number {
    const buf = this.buf;
    let i = buf.indexOf('\n', this.counted);
    while (i !== -1 && i < pos) {
      this.line++;
      i = buf.indexOf('\n', i + 1);
    }
    this.counted = pos;
    return this.line;
  }

  private fail(pos: number, reason: string): never {
    throw new XmlError(this.lineAt(Math.min(pos, this.buf.length)), `not well-formed XML (${reason})`);
  }

  write(chunk: string): void {
    this.buf = this.buf.length > 0 ? this.buf.slice(this.counted) + chunk : chunk;
    this.counted = 0;
    const keep = this.scan();
    // What is left is the start of markup not yet complete: kept for the next chunk.
    this.lineAt(keep);
    this.buf = this.buf.slice(keep);
    this.counted = 0;
  }

  /** The end of the text: anything left open is a truncated file. */
  end(): void {
    const rest = this.buf.slice(this.counted);
    if (rest.trim() !== '') this.fail(this.counted + rest.search(/\S/), 'the file ends inside markup');
    if (!this.sawRoot) this.fail(this.buf.length, 'no root element');
  }

  /** Scans complete markup in `buf`; returns where incomplete markup starts (or the end). */
  private scan(): number {
    const buf = this.buf;
    const n = buf.length;
    let pos = 0;
    for (;;) {
      const lt = buf.indexOf('<', pos);
      const textEnd = lt === -1 ? n : lt;
      if (this.stack.length === 0) {
        for (let i = pos; i < textEnd; i++) {
          const c = buf.charCodeAt(i);
          if (!isSpace(c) && !(c === 0xfeff && i === 0 && this.line === 1)) {
            this.fail(i, this.rootClosed ? 'text after the root element' : 'text before the root element');
          }
        }
      }
      if (lt === -1) return n;
      if (lt + 1 >= n) return lt;
      const c = buf.charCodeAt(lt + 1);
      if (c === 63 /* ? */) {
        const end = buf.indexOf('?>', lt + 2);
        if (end === -1) return lt;
        pos = end + 2;
      } else if (c === 33 /* ! */) {
        if (lt + 4 > n) return lt;
        let end: number;
        if (buf.startsWith('!--', lt + 1)) {
          end = buf.indexOf('-->', lt + 4);
          if (end === -1) return lt;
          pos = end + 3;
        } else if (buf.startsWith('![CDATA[', lt + 1) || (n - lt < 9 && '![CDATA['.startsWith(buf.slice(lt + 1)))) {
          if (n - lt < 9) return lt;
          if (this.stack.length === 0) this.fail(lt, 'CDATA outside the root element');
          end = buf.indexOf(']]>', lt + 9);
          if (end === -1) return lt;
          pos = end + 3;
        } else {
          // <!DOCTYPE …>, with an internal subset in [ ] perhaps.
          const open = buf.indexOf('[', lt);
          const gt = buf.indexOf('>', lt);
          if (gt === -1) return lt;
          if (open !== -1 && open < gt) {
            end = buf.indexOf(']>', open);
            if (end === -1) return lt;
            pos = end + 2;
          } else {
            pos = gt + 1;
          }
        }
      } else if (c === 47 /* / */) {
        const gt = buf.indexOf('>', lt + 2);
        if (gt === -1) return lt;
        const name = buf.slice(lt + 2, gt).trimEnd();
        const top = this.stack.pop();
        if (top === undefined) this.fail(lt, `</${name}> closes nothing`);
        if (top !== name) this.fail(lt, `</${name}> closes <${top}>`);
        if (this.stack.length === 0) this.rootClosed = true;
        this.handlers.close(name, this.lineAt(gt));
        pos = gt + 1;
      } else {
        const end = this.element(lt);
        if (end === -1) return lt;
        pos = end;
      }
    }
  }

  /** An element's start tag at `lt`: returns the position after it, or -1 when it is not all in `buf` yet. */
  private element(lt: number): number {
    const buf = this.buf;
    const n = buf.length;
    let i = lt + 1;
    while (i < n) {
      const c = buf.charCodeAt(i);
      if (isSpace(c) || c === 47 || c === 62) break;
      i++;
    }
    if (i >= n) return -1;
    const name = buf.slice(lt + 1, i);
    if (name === '') this.fail(lt, 'a "<" that starts no tag');
    const attrs = this.attrs;
    let count = 0;
    for (;;) {
      while (i < n && isSpace(buf.charCodeAt(i))) i++;
      if (i >= n) return -1;
      const c = buf.charCodeAt(i);
      if (c === 62 /* > */ || c === 47 /* / */) {
        let empty = false;
        if (c === 47) {
          if (i + 1 >= n) return -1;
          if (buf.charCodeAt(i + 1) !== 62) this.fail(i, `"/" inside <${name}>`);
          empty = true;
          i++;
        }
        if (this.stack.length === 0) {
          if (this.rootClosed) this.fail(lt, `a second root element <${name}>`);
          this.sawRoot = true;
        }
        if (!empty) this.stack.push(name);
        this.handlers.open(name, attrs, count, this.lineAt(i), empty);
        if (empty && this.stack.length === 0) this.rootClosed = true;
        return i + 1;
      }
      const eq = buf.indexOf('=', i);
      if (eq === -1) return n - i > 10_000 ? this.fail(i, `an attribute of <${name}> has no value`) : -1;
      const key = buf.slice(i, eq).trimEnd();
      if (key === '' || /[\s<>"'/]/.test(key)) this.fail(i, `an attribute of <${name}> has no value`);
      let q = eq + 1;
      while (q < n && isSpace(buf.charCodeAt(q))) q++;
      if (q >= n) return -1;
      const quote = buf[q]!;
      if (quote !== '"' && quote !== "'") this.fail(q, `the value of ${key} in <${name}> is not quoted`);
      const close = buf.indexOf(quote, q + 1);
      if (close === -1) return -1;
      let value = buf.slice(q + 1, close);
      if (value.includes('<')) this.fail(q, `"<" in the value of ${key}`);
      // Literal tabs and line breaks become spaces first; those written as references stay.
      if (HAS_BREAK.test(value)) value = value.replace(LINE_BREAKS, ' ');
      if (value.includes('&')) value = this.decode(value, q);
      attrs[count++] = key;
      attrs[count++] = value;
      i = close + 1;
      if (i < n && !isSpace(buf.charCodeAt(i)) && buf[i] !== '/' && buf[i] !== '>') {
        this.fail(i, `no space after the value of ${key}`);
      }
    }
  }

  private decode(value: string, at: number): string {
    return value.replace(ENTITY, (whole, ref: string | undefined) => {
      if (ref === undefined) this.fail(at, 'a "&" that starts no entity');
      if (ref[0] !== '#') return NAMED[ref]!;
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!(code > 0 && code <= 0x10ffff)) this.fail(at, `a character reference ${whole} to no character`);
      return String.fromCodePoint(code);
    });
  }
}
