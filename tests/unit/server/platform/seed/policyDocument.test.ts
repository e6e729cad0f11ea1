import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import { PolicyFile } from '../../../../../server/src/platform/seed/seedSchema';

const doc = readFileSync(new URL('../../../../../data/source/erhvervspolitik.txt', import.meta.url), 'utf8');
const policy: PolicyFile = JSON.parse(
  readFileSync(new URL('../../../../../data/policy.json', import.meta.url), 'utf8'),
);

/**
 * Counts the numbered items of each initiative straight from the policy document, independently of how
 * policy.json was made: a section runs from its title line (as listed under INDSATSER) to the next title.
 */
function countActionsInDocument(text: string): Map<number, number> {
  const lines = text.split('\n').map((l) => l.trim());
  const start = lines.indexOf('INDSATSER');
  const titles: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const m = /^(\d+)\t(.+?)\t\d+$/.exec(line);
    if (m) titles.push(m[2]!);
    else if (titles.length && line) break;
  }
  const counts = new Map<number, number>();
  let current = 0;
  for (const line of lines.slice(start + titles.length + 1)) {
    const at = titles.indexOf(line);
    if (at >= 0) current = at + 1;
    else if (current && /^\d+\.\s/.test(line)) counts.set(current, (counts.get(current) ?? 0) + 1);
  }
  return counts;
}

describe('data/policy.json against the policy document', () => {
  it('is well-formed', () => {
    expect(Value.Errors(PolicyFile, policy).First()).toBeUndefined();
  });

  it('has the ten initiatives of the document, in order', () => {
    expect(policy.initiatives.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const i of policy.initiatives) expect(doc).toContain(i.title);
  });

  it('has as many actions per initiative as the document numbers', () => {
    const counts = countActionsInDocument(doc);
    expect(counts.size).toBe(10);
    expect(counts.get(8)).toBe(4); // 8.3 and 8.4 stand above the HANDLING heading
    for (const i of policy.initiatives) expect(i.actions.length, `initiative ${i.number}`).toBe(counts.get(i.number));
  });

  it('keeps every goal and action text verbatim', () => {
    const flat = doc.replace(/\s+/g, ' ');
    for (const i of policy.initiatives) {
      expect(flat).toContain(i.goal);
      i.actions.forEach((a, index) => {
        expect(a.number).toBe(`${i.number}.${index + 1}`);
        expect(flat).toContain(a.text);
      });
    }
  });
});
