import type { SearchHit, SearchType } from '@shared/schemas/search';

export interface HitGroup {
  type: SearchType;
  /** The hits of this type with their position in the flat list (what the arrow keys move through). */
  hits: { hit: SearchHit; index: number }[];
}

/**
 * Hits grouped by type, the groups in the order of their best hit (the ranking's order), the hits in theirs. The
 * flat index runs through the groups as they are shown, so the arrow keys move down the list as it reads.
 */
export function groupHits(hits: readonly SearchHit[]): HitGroup[] {
  const groups: HitGroup[] = [];
  for (const hit of hits) {
    let group = groups.find((g) => g.type === hit.type);
    if (!group) {
      group = { type: hit.type, hits: [] };
      groups.push(group);
    }
    group.hits.push({ hit, index: -1 });
  }
  let index = 0;
  for (const g of groups) for (const h of g.hits) h.index = index++;
  return groups;
}
