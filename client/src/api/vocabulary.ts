import type { PlanUse, TenderStatus, Theme } from '../../../server/src/schemas/common';

/*
 * Client copies of the API's enumerations. The server's schema modules are imported as types only,
 * because importing their values would bundle TypeBox into the browser; a unit test checks that these
 * copies equal the server's.
 */

/** Pattern of site and layer ids (same as the server's SlugPattern). */
export const SLUG_PATTERN = '^[a-z0-9][a-z0-9-]{0,63}$';

/** Layer themes, in the order the layer panel groups them. */
export const THEMES: readonly Theme[] = ['erhverv', 'energi', 'klima', 'infrastruktur', 'kontekst'];

/** Tender states, in the order of a tender's life. */
export const TENDER_STATUSES: readonly TenderStatus[] = [
  'not_planned',
  'planned',
  'in_preparation',
  'open',
  'under_evaluation',
  'reserved',
  'sold',
  'withdrawn',
];

export const PLAN_USES: readonly PlanUse[] = ['production', 'logistics', 'office', 'mixed', 'energy', 'health'];
