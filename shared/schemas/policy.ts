import { Type, type Static } from '@sinclair/typebox';
import { ActionProgress } from './common';

export const PolicyAction = Type.Object({
  number: Type.String({ pattern: '^[0-9]{1,2}\\.[0-9]{1,2}$' }),
  text: Type.String(),
  progress: ActionProgress,
  /** The sites serving the action with their layers (for map highlighting), and their joint extent in EPSG:4326. */
  sites: Type.Array(Type.Object({ id: Type.String(), layer: Type.String() })),
  bbox: Type.Union([Type.Tuple([Type.Number(), Type.Number(), Type.Number(), Type.Number()]), Type.Null()]),
});
export type PolicyAction = Static<typeof PolicyAction>;

export const Initiative = Type.Object({
  number: Type.Integer(),
  title: Type.String(),
  goal: Type.String(),
  actions: Type.Array(PolicyAction),
});
export type Initiative = Static<typeof Initiative>;

export const Policy = Type.Object({ initiatives: Type.Array(Initiative) });
export type Policy = Static<typeof Policy>;
