import { describe, expect, it } from 'vitest';
import { OsmXmlScanner, XmlError } from '../../../../server/src/modules/registers/osm/scanOsmXml';

type Event = ['open', string, Record<string, string>, number, boolean] | ['close', string, number];

/** The scanner's events for `text` written in pieces of `size` characters, or the refusal's line and message. */
function scan(text: string, size = 7): Event[] | { line: number; message: string } {
  const events: Event[] = [];
  const scanner = new OsmXmlScanner({
    open(name, attrs, count, line, empty) {
      const a: Record<string, string> = {};
      for (let i = 0; i < count; i += 2) a[attrs[i]!] = attrs[i + 1]!;
      events.push(['open', name, a, line, empty]);
    },
    close(name, line) {
      events.push(['close', name, line]);
    },
  });
  try {
    for (let i = 0; i < text.length; i += size) scanner.write(text.slice(i, i + size));
    scanner.end();
    if (scanner.depth > 0) return { line: scanner.currentLine, message: 'open at the end' };
    return events;
  } catch (err) {
    if (err instanceof XmlError) return { line: err.line, message: err.message };
    throw err;
  }
}

describe('the OSM XML scanner', () => {
  it('reads elements, attributes in either quotes, entities and character references, and lines, in any pieces', () => {
    const text =
      '\uFEFF<?xml version="1.0"?>\n<!-- a comment with <tags> -->\n<!DOCTYPE osm>\n' +
      '<osm version=\'0.6\'>\n  <node id="1" lat="55.4"\n    lon="12.1"/>\n' +
      '  <way id="2"><tag k="name" v="A &amp; B &lt;&#9;&#x41;&quot;\'>"/><tag k="note" v="two\nlines\tand tab"/></way>\n' +
      '</osm>\n';
    const whole = scan(text, text.length);
    expect(whole).toEqual([
      ['open', 'osm', { version: '0.6' }, 4, false],
      ['open', 'node', { id: '1', lat: '55.4', lon: '12.1' }, 6, true],
      ['open', 'way', { id: '2' }, 7, false],
      ['open', 'tag', { k: 'name', v: 'A & B <\tA"\'>' }, 7, true],
      ['open', 'tag', { k: 'note', v: 'two lines and tab' }, 8, true],
      ['close', 'way', 8],
      ['close', 'osm', 9],
    ]);
    for (const size of [1, 2, 3, 5, 11, 64]) expect(scan(text, size)).toEqual(whole);
  });

  it('refuses what is not well-formed, naming the line', () => {
    const cases: [string, number, RegExp][] = [
      ['<osm>\n<node id="1">\n</way>\n</osm>', 3, /<\/way> closes <node>/],
      ['<osm>\n</osm>\n<osm/>', 3, /a second root element <osm>/],
      ['<osm>\n</osm>\ntext', 3, /text after the root element/],
      ['text\n<osm/>', 1, /text before the root element/],
      ['<osm>\n<node id=1/>\n</osm>', 2, /the value of id in <node> is not quoted/],
      ['<osm>\n<node id="1" v="a &nbsp; b"/>\n</osm>', 2, /a "&" that starts no entity/],
      ['<osm>\n<node id="1"lat="2"/>\n</osm>', 2, /no space after the value of id/],
      ['<osm>\n<node id="<1"/>\n</osm>', 2, /"<" in the value of id/],
      ['<osm>\n</node>', 2, /<\/node> closes <osm>/],
      ['<osm>\n<node id="1"', 2, /the file ends inside markup/],
    ];
    for (const [text, line, message] of cases) {
      const result = scan(text, 3);
      expect(result, text).toMatchObject({ line, message: expect.stringMatching(message) });
    }
    expect(scan('<osm>\n<node id="1"/>\n', 4)).toEqual({ line: 3, message: 'open at the end' });
  });
});
