// Plain data shared with the client: no Node imports in this file.

/** A named still-water level at Køge Havn. */
export interface FloodScenario {
  readonly id: string;
  /** Metres DVR90. */
  readonly level: number;
  readonly labelDa: string;
  readonly labelEn: string;
  /** Where the figure comes from. */
  readonly source: string;
}

/** A sea-level-rise allowance to add to a scenario's level. */
export interface SeaLevelRise {
  readonly id: string;
  /** Metres of rise by 2100. */
  readonly rise: number;
  readonly labelDa: string;
  readonly labelEn: string;
  readonly source: string;
}

/** The storm-surge scenarios of the flood panel, lowest first (metres DVR90, Køge Havn). */
export const FLOOD_SCENARIOS = [
  {
    id: 'storm-2017',
    level: 1.57,
    labelDa: 'Stormfloden januar 2017',
    labelEn: 'Storm surge of January 2017',
    source: 'Measured at Køge Havn; DMI called it about a 100-year level',
  },
  {
    id: 'hundred-year-today',
    level: 1.6,
    labelDa: '100-årshændelse i dag',
    labelEn: "Today's 100-year event",
    source: 'Inferred; the nearest published gauge statistic (Hesnæs) is 1.62 m',
  },
  {
    id: 'storm-2023',
    level: 1.8,
    labelDa: 'Stormfloden oktober 2023',
    labelEn: 'Storm surge of October 2023',
    source: 'Køge Kommune',
  },
  {
    id: 'dike-design-1872',
    level: 2.8,
    labelDa: 'Stormfloden 1872 (digets dimensionering)',
    labelEn: 'The 1872 storm surge (the dike’s design level)',
    source: 'Køge Dige design level, treated as today’s 1000-year event',
  },
  {
    id: 'thousand-year-2115',
    level: 3.45,
    labelDa: '1000-årshændelse i 2115',
    labelEn: '1000-year event in 2115',
    source: 'Risikostyringsplan 2022–27',
  },
] as const satisfies readonly FloodScenario[];

export type FloodScenarioId = (typeof FLOOD_SCENARIOS)[number]['id'];

/** Sea-level-rise allowances by 2100, smallest first (metres). */
export const SEA_LEVEL_RISE_2100 = [
  {
    id: 'low-emissions',
    rise: 0.35,
    labelDa: 'Lave udledninger (+0,35 m)',
    labelEn: 'Low emissions (+0.35 m)',
    source: 'DMI Klimaatlas',
  },
  {
    id: 'high-emissions',
    rise: 0.5,
    labelDa: 'Høje udledninger (+0,50 m)',
    labelEn: 'High emissions (+0.50 m)',
    source: 'DMI Klimaatlas',
  },
  {
    id: 'koege-planning',
    rise: 0.8,
    labelDa: 'Køge Kommunes planlægning (+0,80 m)',
    labelEn: 'Køge Kommune’s planning figure (+0.80 m)',
    source: 'Køge Kommune',
  },
] as const satisfies readonly SeaLevelRise[];

/** Crest of Køge Dige in metres DVR90 (its design level, the 1872 storm). */
export const DIKE_CREST_LEVEL = 2.8;

/** The levels the model accepts, in metres DVR90. */
export const FLOOD_LEVEL_RANGE = { min: 0, max: 4 } as const;
