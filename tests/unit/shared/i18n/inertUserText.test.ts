import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TenderHistory } from '../../../../client/src/features/tenders/TenderHistory';
import { ChangeList } from '../../../../client/src/features/timeline/ChangeList';
import { translate } from '@shared/i18n/translate';
import type { MessageKey } from '@shared/i18n/da';

/**
 * Issue #8: what planners write (tender notes, progress notes, display names) reaches the site panel, the exposé
 * and the public timeline. React must put it there as text: the markup may hold the payload only escaped.
 */
const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '"><svg onload=alert(1)>',
  "javascript:alert('x')",
];

function expectInert(html: string, payload: string) {
  expect(html).not.toContain(payload.startsWith('javascript') ? 'href="javascript' : payload);
  expect(html).not.toMatch(/<(img|script|svg)\b/);
  expect(html).toContain(
    payload
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
      .replaceAll('"', '&quot;')
      .replaceAll("'", '&#x27;'),
  );
}

describe('user-written text renders inert', () => {
  it.each(PAYLOADS)('a tender note and actor in the site panel and the exposé: %s', (payload) => {
    for (const variant of ['panel', 'print'] as const) {
      const html = renderToStaticMarkup(
        createElement(TenderHistory, {
          history: [
            { at: '2026-05-01T10:00:00Z', from_status: 'planned', to_status: 'open', note: payload, actor: payload },
          ],
          lang: 'da',
          variant,
        }),
      );
      expectInert(html, payload);
    }
  });

  it.each(PAYLOADS)('a change in the public timeline: %s', (payload) => {
    const html = renderToStaticMarkup(
      createElement(ChangeList, {
        events: [
          {
            kind: 'action',
            id: '1',
            at: '2026-05-01T10:00:00Z',
            site_id: null,
            site_name: null,
            action_number: '9.1',
            from: 'not_started',
            to: 'in_progress',
            note: payload,
            actor: { name: payload, role: 'planner' },
          },
        ],
        truncated: false,
        lang: 'en',
        t: (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params),
      }),
    );
    expectInert(html, payload);
  });
});
