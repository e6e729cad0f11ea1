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

// The search (issue #20).

/** What one search hit is: what the client opens when it is picked. */
export const SEARCH_TYPES = ['place', 'site', 'plot', 'action', 'initiative', 'parcel', 'address'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** How a hit matched the query, best first: the ranking's first key. */
export const SEARCH_MATCHES = ['exact', 'prefix', 'word', 'substring', 'fuzzy'] as const;
export type SearchMatch = (typeof SEARCH_MATCHES)[number];

/** Shortest and longest query the search accepts, in characters. */
export const SEARCH_QUERY_MIN = 2;
export const SEARCH_QUERY_MAX = 100;
/** Most hits one search returns. */
export const SEARCH_LIMIT_MAX = 50;

/** The kinds of hit that a link selects by `sel=<type>:<id>` (the others have site= and action=). */
export const SEARCH_PICK_TYPES = ['parcel', 'address'] as const;
export type SearchPickType = (typeof SEARCH_PICK_TYPES)[number];
/** A parcel's id (its number in the register) or an address's (a uuid), as a link carries it. */
export const SEARCH_PICK_ID_PATTERN: Record<SearchPickType, string> = {
  parcel: '^[1-9][0-9]{0,17}$',
  address: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
};
