/** Danish UI strings of the search box (issue #21). */
export const daSearch = {
  'search.label': 'Søg efter sted, grund, handling, matrikel eller adresse',
  'search.placeholder': 'Søg sted, grund, 3.6, matrikel, adresse …',
  'search.results': 'Søgeresultater',
  'search.searching': 'Søger …',
  'search.none': 'Intet fundet',
  'search.error': 'Søgningen mislykkedes. Prøv igen.',
  'search.type.place': 'Steder',
  'search.type.site': 'Områder',
  'search.type.plot': 'Erhvervsgrunde',
  'search.type.action': 'Handlinger',
  'search.type.initiative': 'Indsatser',
  'search.type.parcel': 'Matrikler',
  'search.type.address': 'Adresser',
} as const;
