// proj4 ships its ES modules without types; the slim build below needs these three.
declare module 'proj4/lib/core' {
  import type proj4 from 'proj4';
  const core: typeof proj4;
  export default core;
}
declare module 'proj4/lib/Proj' {
  const Proj: { projections: { add(projection: unknown): void } };
  export default Proj;
}
declare module 'proj4/lib/projections/etmerc' {
  const projection: unknown;
  export default projection;
}
declare module 'proj4/lib/projections/utm' {
  const projection: unknown;
  export default projection;
}
