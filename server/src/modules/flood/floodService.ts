import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Queryable } from '../../platform/db/queryable';
import { laterLsn } from '../../platform/db/lsn';
import type { ConcurrencyBudget } from '../../platform/cost';
import { dikeLines, findFloodExtent, insertFloodExtent, type FloodExtentKey } from './floodRepository';
import type { Barrier } from './barrier';
import { computeFlood } from './computeFlood';
import type { ElevationAccuracy, ElevationGrid } from './elevationGrid';
import type { ElevationFileChoice } from './elevationSource';
import { DIKE_CREST_LEVEL } from '@shared/flood/floodScenarios';
import { readElevationGeoTiff } from './readElevationGeoTiff';

/** The terrain and barriers every extent of one model is computed from. */
interface FloodModel {
  /** Hash of the terrain file's bytes and the barriers: the `model` of stored extents. */
  key: string;
  grid: ElevationGrid;
  barriers: Barrier[];
  source: string;
  accuracy: ElevationAccuracy;
}

/** A water level and dike state, as the API takes them (level in whole centimetres DVR90). */
export interface FloodLevel {
  levelCm: number;
  dike: boolean;
}

/** An extent that is stored in the database and may be joined by `key`. */
export interface FloodExtent {
  key: FloodExtentKey;
  floodedAreaM2: number;
  /** Terrain model's source and accuracy, which the flood outline inherits. */
  source: string;
  accuracy: ElevationAccuracy;
  /**
   * A primary WAL position at or past the extent's commit: a replica that has replayed it has the extent (issue
   * #18). Null without replicas.
   */
  visibleFrom: bigint | null;
}

/**
 * Computes flood extents with the bathtub model (issue #7) on the terrain file, with the dike from the
 * database, and keeps each (level, dike) once in `flood_extent`, shared by all instances. One per app.
 */
export class FloodService {
  private modelPromise: Promise<FloodModel> | null = null;
  private readonly pending = new Map<string, Promise<FloodExtent>>();

  constructor(
    private readonly db: Queryable,
    private readonly elevation: ElevationFileChoice,
    /** Runs the insert of a new extent (with the flood model's longer deadline, issue #19). */
    private readonly store: <T>(work: (db: Queryable) => Promise<T>) => Promise<T> = (work) => work(db),
    /** The primary's current WAL position (with read replicas, issue #18); by default none is needed. */
    private readonly position: () => Promise<bigint | null> = async () => null,
  ) {}

  /** The terrain model and the dike, read once; a failed read is retried on the next call. */
  model(): Promise<FloodModel> {
    this.modelPromise ??= this.loadModel().catch((err: unknown) => {
      this.modelPromise = null;
      throw err;
    });
    return this.modelPromise;
  }

  /** Source and accuracy of the terrain model, for answers that show flood outlines. */
  async terrain(): Promise<{ source: string; accuracy: ElevationAccuracy; cellSizeM: number; model: string }> {
    const m = await this.model();
    return { source: m.source, accuracy: m.accuracy, cellSizeM: m.grid.cellSize, model: m.key };
  }

  /**
   * The latest {@link FloodExtent.visibleFrom} of `extents`: reads that join them go where it has been replayed.
   */
  static visibleFrom(extents: readonly Pick<FloodExtent, 'visibleFrom'>[]): bigint | null {
    return extents.reduce<bigint | null>((at, e) => laterLsn(at, e.visibleFrom), null);
  }

  /** Whether this instance has the extent of a level already, or is computing it: asking for it costs nothing. */
  has(level: FloodLevel): boolean {
    return this.pending.has(`${level.levelCm}/${level.dike}`);
  }

  /**
   * The stored extent of a level and dike state, computed and stored first if no instance has done so yet.
   * A level a visitor chose computes within `budget` (issue #19: up to 802 levels could be asked for); the
   * named scenarios, a fixed few, need none.
   */
  async extent(level: FloodLevel, budget?: ConcurrencyBudget): Promise<FloodExtent> {
    const id = `${level.levelCm}/${level.dike}`;
    let extent = this.pending.get(id);
    if (!extent) {
      extent = this.ensureExtent(level, budget);
      this.pending.set(id, extent);
      // A failure (database gone) must not stick: the next request tries again.
      extent.catch(() => this.pending.delete(id));
    }
    return extent;
  }

  private async ensureExtent({ levelCm, dike }: FloodLevel, budget?: ConcurrencyBudget): Promise<FloodExtent> {
    const model = await this.model();
    const key: FloodExtentKey = { model: model.key, levelCm, dike };
    const found = await findFloodExtent(this.db, key);
    const described = { key, source: model.source, accuracy: model.accuracy };
    // Read after the extent was found or stored, so at or past its commit (whichever instance made it).
    if (found) return { ...described, floodedAreaM2: found.floodedAreaM2, visibleFrom: await this.position() };
    const compute = async () => {
      const result = computeFlood({ grid: model.grid, level: levelCm / 100, barriers: dike ? model.barriers : [] });
      const extent = { ...key, geometry25832: result.geometry, floodedAreaM2: result.floodedAreaM2 };
      await this.store((db) => insertFloodExtent(db, extent));
      return { ...described, floodedAreaM2: result.floodedAreaM2, visibleFrom: await this.position() };
    };
    return budget ? budget.run(compute) : compute();
  }

  private async loadModel(): Promise<FloodModel> {
    const bytes = await readFile(this.elevation.path);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const grid = await readElevationGeoTiff({
      buffer,
      source: this.elevation.source,
      accuracy: this.elevation.accuracy,
    });
    const barriers: Barrier[] = (await dikeLines(this.db)).map((line) => ({
      coordinates: line.coordinates,
      crestLevel: line.crestLevel ?? DIKE_CREST_LEVEL,
    }));
    const key = createHash('sha256').update(bytes).update(JSON.stringify(barriers)).digest('hex').slice(0, 16);
    return { key, grid, barriers, source: grid.source, accuracy: grid.accuracy };
  }
}
