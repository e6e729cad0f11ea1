/**
 * The nodes of an OSM file, held compactly in memory while it is read: ids as float64 (OSM ids stay far below 2^53),
 * lon/lat as int32 in OSM's own unit of 1e-7 degrees (about a centimetre), 16 bytes a node. Files list their nodes
 * in id order, so a lookup is a binary search; a file that does not is sorted once, before the first lookup.
 * The store takes at most `capacity` nodes: the importer then moves them to the database (osmRepository), so
 * memory stays bounded whatever the file's size.
 */
export class OsmNodeStore {
  private ids = new Float64Array(1 << 16);
  private lons = new Int32Array(1 << 16);
  private lats = new Int32Array(1 << 16);
  size = 0;
  private ordered = true;

  constructor(readonly capacity: number) {}

  get full(): boolean {
    return this.size >= this.capacity;
  }

  /** Adds a node; false when its id is the one added just before (a node listed twice, found at once). */
  add(id: number, lon: number, lat: number): boolean {
    const n = this.size;
    if (n > 0) {
      const last = this.ids[n - 1]!;
      if (id === last) return false;
      if (id < last) this.ordered = false;
    }
    if (n === this.ids.length) this.grow();
    this.ids[n] = id;
    this.lons[n] = Math.round(lon * 1e7);
    this.lats[n] = Math.round(lat * 1e7);
    this.size = n + 1;
    return true;
  }

  private grow(): void {
    const size = Math.min(this.ids.length * 2, Math.max(this.capacity, this.ids.length + 1));
    const ids = new Float64Array(size);
    ids.set(this.ids);
    const lons = new Int32Array(size);
    lons.set(this.lons);
    const lats = new Int32Array(size);
    lats.set(this.lats);
    this.ids = ids;
    this.lons = lons;
    this.lats = lats;
  }

  /**
   * Sorts the nodes by id if the file did not list them in order; returns an id listed more than once, or null.
   * Called before the first lookup.
   */
  prepare(): number | null {
    if (this.ordered) return null;
    const n = this.size;
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const ids = this.ids;
    order.sort((a, b) => ids[a]! - ids[b]!);
    const sortedIds = new Float64Array(Math.max(n, 1));
    const lons = new Int32Array(Math.max(n, 1));
    const lats = new Int32Array(Math.max(n, 1));
    for (let i = 0; i < n; i++) {
      const o = order[i]!;
      sortedIds[i] = ids[o]!;
      lons[i] = this.lons[o]!;
      lats[i] = this.lats[o]!;
    }
    this.ids = sortedIds;
    this.lons = lons;
    this.lats = lats;
    this.ordered = true;
    for (let i = 1; i < n; i++) if (sortedIds[i] === sortedIds[i - 1]) return sortedIds[i]!;
    return null;
  }

  /** The index of a node, or -1 when the store does not hold it. */
  find(id: number): number {
    const ids = this.ids;
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = ids[mid]!;
      if (v < id) lo = mid + 1;
      else if (v > id) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  lon(i: number): number {
    return this.lons[i]! / 1e7;
  }

  lat(i: number): number {
    return this.lats[i]! / 1e7;
  }

  /** Every node, in chunks of parallel arrays (for moving them to the database), then empties the store. */
  *drain(chunk = 20_000): Generator<{ ids: number[]; lons: number[]; lats: number[] }> {
    for (let start = 0; start < this.size; start += chunk) {
      const end = Math.min(this.size, start + chunk);
      const out = { ids: [] as number[], lons: [] as number[], lats: [] as number[] };
      for (let i = start; i < end; i++) {
        out.ids.push(this.ids[i]!);
        out.lons.push(this.lon(i));
        out.lats.push(this.lat(i));
      }
      yield out;
    }
    this.size = 0;
    this.ordered = true;
    this.ids = new Float64Array(1 << 16);
    this.lons = new Int32Array(1 << 16);
    this.lats = new Int32Array(1 << 16);
  }
}
