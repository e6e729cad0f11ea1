import type { DikeState } from '@shared/schemas/flood';
import { formatLevel } from '@shared/i18n/formatLevel';
import type { Lang } from '@shared/i18n/Lang';
import { translate } from '../app/i18n';

/** A flood scenario as the swipe names it: a level in metres DVR90 and the dike's state. */
interface Scenario {
  level: number;
  dike: DikeState;
}

/**
 * The swipe's texts in the UI language (issue #7): the labels either side of the divider ("A: 1,80 m med Køge
 * Dige", "B: …") and the divider's accessible name. Made in the swipe's own chunk, so the first page load does not
 * carry them.
 */
export function swipeTexts({ a, b, lang }: { a: Scenario; b: Scenario; lang: Lang }): {
  labelA: string;
  labelB: string;
  divider: string;
} {
  const label = (letter: string, scenario: Scenario) =>
    translate(lang, 'climate.swipeLabel', {
      letter,
      level: formatLevel({ metres: scenario.level, lang }),
      dike: translate(lang, scenario.dike === 'with' ? 'climate.withDike' : 'climate.withoutDike'),
    });
  return { labelA: label('A', a), labelB: label('B', b), divider: translate(lang, 'climate.swipeDivider') };
}
