import type { Queryable } from '../../platform/db/queryable';
import { siteFloodExposure } from './floodRepository';
import type { SiteFloodExposure } from '@shared/schemas/flood';
import type { SiteDetail } from '@shared/schemas/site';
import { FLOOD_SCENARIOS } from '@shared/flood/floodScenarios';
import { FloodService } from './floodService';

/**
 * How much of one site each named scenario floods, with and without the dike (issue #4's exposé, issue #7):
 * area for polygons, length for lines, 1 or 0 for points, and the share of the whole. Computes and stores the
 * scenarios' extents first where no instance has yet, then reads where they are visible: `reads(visibleFrom)` gives
 * a read side that shows everything up to that WAL position (a replica that has replayed it, or the primary;
 * issue #18).
 */
export async function siteFloodReport({
  reads,
  flood,
  site,
}: {
  reads: (visibleFrom: bigint | null) => Queryable;
  flood: Pick<FloodService, 'extent' | 'terrain'>;
  site: Pick<SiteDetail, 'id' | 'area_m2' | 'length_m'>;
}): Promise<SiteFloodExposure> {
  const levels = FLOOD_SCENARIOS.flatMap((s) =>
    [true, false].map((dike) => ({ levelCm: Math.round(s.level * 100), dike })),
  );
  const extents = await Promise.all(levels.map((level) => flood.extent(level)));
  const terrain = await flood.terrain();
  const exposure = await siteFloodExposure(reads(FloodService.visibleFrom(extents)), {
    siteId: site.id,
    model: terrain.model,
    extents: levels,
  });
  const whole = site.area_m2 ?? site.length_m ?? null;
  const at = (levelCm: number, dike: boolean) => {
    const flooded = exposure.find((e) => e.levelCm === levelCm && e.dike === dike)?.flooded ?? 0;
    return { flooded, share: whole ? Math.min(1, flooded / whole) : null };
  };
  return {
    site_id: site.id,
    unit: site.area_m2 !== null ? 'm2' : site.length_m !== null ? 'm' : 'point',
    model: terrain.model,
    source: terrain.source,
    accuracy: terrain.accuracy,
    cell_size_m: terrain.cellSizeM,
    scenarios: FLOOD_SCENARIOS.map((s) => {
      const levelCm = Math.round(s.level * 100);
      return { id: s.id, level_m: s.level, with_dike: at(levelCm, true), without_dike: at(levelCm, false) };
    }),
  };
}
