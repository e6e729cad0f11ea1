/*
 * The enumerations shared by server, seeds and client, as plain constants: the client imports this module's
 * values without pulling TypeBox into the browser bundle. The TypeBox schemas in common.ts are built from them.
 */

/** Pattern of site and layer ids (URL-safe; also used in permalinks). */
export const SLUG_PATTERN = '^[a-z0-9][a-z0-9-]{0,63}$';

/** Layer themes, in the order the layer panel groups them. */
export const THEMES = ['erhverv', 'energi', 'klima', 'infrastruktur', 'kontekst'] as const;

/** Tender (udbud) states, in the order of a tender's life; the transitions between them are issue #5's. */
export const TENDER_STATUSES = [
  'not_planned',
  'planned',
  'in_preparation',
  'open',
  'under_evaluation',
  'reserved',
  'sold',
  'withdrawn',
] as const;

export const PLAN_USES = ['production', 'logistics', 'office', 'mixed', 'energy', 'health'] as const;

/** Source reliability of a feature; see data/README.md. */
export const ACCURACIES = ['official', 'sourced', 'approximate', 'illustrative'] as const;

export const ACTION_PROGRESS = ['not_started', 'in_progress', 'done'] as const;

/**
 * Plandata's general use codes (anvgen), the categories planners use for a sketch's proposed use
 * (../shared/reference/facts.md: 31 = erhverv).
 */
export const PLANDATA_GENERAL_USES = ['11', '21', '31', '41', '51', '61', '71', '81', '91', '96'] as const;

/**
 * The plot finder's limits (issue #4): larger than any plot, building height or distance in Denmark, so bigger
 * numbers are typos or probes. The API refuses them with 400; the form and the permalink never send them.
 */
export const PLOT_QUERY_LIMITS = { areaM2: 100_000_000, heightM: 1000, distanceM: 1_000_000 } as const;

/** A number as the plot finder's query takes it: a plain decimal, no sign, no exponent. */
export const PLAIN_DECIMAL = /^\d{1,12}(\.\d{1,6})?$/;
