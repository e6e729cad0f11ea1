/** Layers of protected nature (illustrative, seeded from data/layers): checked in sketches, never "at risk". */
export const NATURE_LAYERS = ['natura2000', 'protected-nature'] as const;
