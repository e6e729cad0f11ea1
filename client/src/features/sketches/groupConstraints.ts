import type { ConstraintItemSummary, ConstraintKind } from './SketchTypes';

/** The order the constraint report lists its kinds in: water first, then the dike, nature, plots, other sketches. */
export const CONSTRAINT_KIND_ORDER: readonly ConstraintKind[] = ['flood', 'dike_buffer', 'nature', 'site', 'sketch'];

/** One kind's overlaps with their sums (m² and m, EPSG:25832). */
export interface ConstraintGroup<T extends ConstraintItemSummary> {
  kind: ConstraintKind;
  items: T[];
  area_m2: number;
  length_m: number;
}

/**
 * Groups a constraint report's items by kind, in CONSTRAINT_KIND_ORDER, each kind's items largest overlap first;
 * kinds without items are left out. Does not mutate its input.
 */
export function groupConstraints<T extends ConstraintItemSummary>(items: readonly T[]): ConstraintGroup<T>[] {
  return CONSTRAINT_KIND_ORDER.flatMap((kind) => {
    const ofKind = items
      .filter((item) => item.kind === kind)
      .sort(
        (a, b) =>
          b.overlap_area_m2 - a.overlap_area_m2 ||
          (b.overlap_length_m ?? 0) - (a.overlap_length_m ?? 0) ||
          b.overlap_share - a.overlap_share,
      );
    if (ofKind.length === 0) return [];
    return [
      {
        kind,
        items: ofKind,
        area_m2: ofKind.reduce((sum, item) => sum + item.overlap_area_m2, 0),
        length_m: ofKind.reduce((sum, item) => sum + (item.overlap_length_m ?? 0), 0),
      },
    ];
  });
}
