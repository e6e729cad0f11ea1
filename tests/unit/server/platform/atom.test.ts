import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderAtomFeed, xmlEscape } from '../../../../server/src/platform/http/atom';

const evil = `<script>alert("x")</script> & ' \u0000\u0007 ]]>`;

describe('Atom feed rendering', () => {
  it('escapes every text and attribute so data can neither inject markup nor break the XML', () => {
    const xml = renderAtomFeed({
      id: 'https://kort.example/feeds/plots.atom?a=1&b=2',
      title: evil,
      subtitle: evil,
      updated: '2026-11-27T10:00:00Z',
      selfUrl: 'https://kort.example/feeds/plots.atom?a=1&b="2"',
      alternateUrl: 'https://kort.example/',
      author: evil,
      entries: [
        {
          id: 'https://kort.example/tender-events/1',
          title: evil,
          updated: '2026-11-27T10:00:00Z',
          link: `https://kort.example/?site=${evil}`,
          summary: evil,
          categories: [evil],
        },
      ],
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('<script>');
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    // What a feed reader shows is the original text, minus the characters XML cannot carry.
    expect(doc.feed.entry.title).toBe(`<script>alert("x")</script> & '  ]]>`);
    expect(doc.feed.link[0]['@_href']).toBe('https://kort.example/feeds/plots.atom?a=1&b="2"');
  });

  it('escapes the five XML specials', () => {
    expect(xmlEscape(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&apos;');
  });
});
