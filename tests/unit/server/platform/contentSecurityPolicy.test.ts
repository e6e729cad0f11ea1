import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../../server/src/platform/contentSecurityPolicy';
import { helmetHeaders } from '../../../../server/src/platform/security';

const cspWith = (origins: string[]) =>
  helmetHeaders({ contentSecurityPolicy: contentSecurityPolicy(origins) })['content-security-policy'] ?? '';

/** The sources one directive of a policy lists. */
const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([key]) => key === name)
    ?.slice(1);

describe('contentSecurityPolicy (issues #8, #16)', () => {
  it('offline, the page may fetch and show images from its own origin only', () => {
    const csp = cspWith([]);
    expect(directive(csp, 'connect-src')).toEqual(["'self'"]);
    expect(directive(csp, 'img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp).not.toMatch(/https?:/);
  });

  it('adds the basemap’s origin to connect-src and img-src, and nowhere else', () => {
    const csp = cspWith(['https://tile.openstreetmap.org']);
    expect(directive(csp, 'connect-src')).toEqual(["'self'", 'https://tile.openstreetmap.org']);
    expect(directive(csp, 'img-src')).toEqual(["'self'", 'data:', 'blob:', 'https://tile.openstreetmap.org']);
    expect(directive(csp, 'script-src')).toEqual(["'self'"]);
    expect(csp.match(/tile\.openstreetmap\.org/g)).toHaveLength(2);
  });

  it('names an origin given twice once', () => {
    const csp = cspWith(['http://127.0.0.1:3201', 'http://127.0.0.1:3201']);
    expect(directive(csp, 'connect-src')).toEqual(["'self'", 'http://127.0.0.1:3201']);
  });
});
