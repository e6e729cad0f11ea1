/**
 * A coarse outline of Zealand (Sjælland, with Amager), EPSG:25832 metres, counter-clockwise, not closed.
 * Drawn by hand from the coast towns it names (lon/lat projected with proj4, rounded to 100 m); Isefjord and
 * Roskilde Fjord are single notches. It only keeps synthetic parcels on land: it is no survey.
 */
export const ZEALAND_OUTLINE: readonly (readonly [number, number])[] = [
  [725_500, 6_216_400], // Helsingør
  [715_200, 6_222_600], // Hornbæk
  [705_100, 6_225_500], // Gilleleje
  [689_700, 6_206_900], // Kulhuse
  [695_800, 6_182_700], // Roskilde Fjord, east shore
  [693_100, 6_172_500], // Roskilde Fjord head
  [686_000, 6_205_600], // Lynæs
  [679_800, 6_205_400], // Hundested
  [682_100, 6_181_000], // Isefjord, east shore
  [670_800, 6_180_500], // Holbæk Fjord
  [671_700, 6_205_000], // Rørvig
  [656_000, 6_205_600], // Sjællands Odde, north
  [640_500, 6_201_700], // Sjællands Odde, west
  [649_300, 6_184_200], // Havnsø
  [638_200, 6_177_100], // Kalundborg Fjord, north shore
  [621_900, 6_175_500], // Røsnæs
  [630_900, 6_170_200], // Kalundborg
  [633_900, 6_152_500], // Reersø
  [635_100, 6_133_600], // Korsør
  [643_700, 6_123_800], // Skælskør
  [652_700, 6_119_700], // Bisserup
  [667_500, 6_115_800], // Karrebæksminde
  [675_500, 6_109_400], // Karrebæk
  [687_500, 6_096_500], // Vordingborg
  [702_700, 6_099_400], // Kalvehave
  [694_500, 6_112_400], // Præstø
  [701_600, 6_125_000], // Faxe Ladeplads
  [714_300, 6_125_600], // Rødvig
  [719_100, 6_131_400], // Stevns Fyr
  [718_200, 6_136_900], // Højerup
  [707_700, 6_144_200], // Strøby Egede
  [702_900, 6_150_700], // Køge
  [705_200, 6_157_500], // Solrød Strand
  [715_400, 6_166_900], // Brøndby Strand
  [725_700, 6_164_000], // Kalveboderne
  [732_500, 6_166_600], // Dragør
  [730_200, 6_174_300], // Amager Strand
  [726_200, 6_178_600], // Nordhavn
  [724_200, 6_193_000], // Skodsborg
  [721_000, 6_206_200], // Humlebæk
];

/** A frame around the outline, EPSG:25832 metres, rounded out to whole kilometres: the grids start here. */
export const ZEALAND_BOUNDS = { west: 620_000, south: 6_095_000, east: 734_000, north: 6_227_000 } as const;
