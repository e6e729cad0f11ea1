import type { daSearch } from '../da/search';

/** English UI strings of the search box (issue #21); the same keys as Danish. */
export const enSearch: Record<keyof typeof daSearch, string> = {
  'search.label': 'Search for a place, plot, action, cadastral parcel or address',
  'search.placeholder': 'Search place, plot, 3.6, parcel, address …',
  'search.results': 'Search results',
  'search.searching': 'Searching …',
  'search.none': 'Nothing found',
  'search.error': 'The search failed. Try again.',
  'search.type.place': 'Places',
  'search.type.site': 'Areas',
  'search.type.plot': 'Business plots',
  'search.type.action': 'Actions',
  'search.type.initiative': 'Initiatives',
  'search.type.parcel': 'Cadastral parcels',
  'search.type.address': 'Addresses',
};
