import core from 'proj4/lib/core';
import Proj from 'proj4/lib/Proj';
import etmerc from 'proj4/lib/projections/etmerc';
import utm from 'proj4/lib/projections/utm';

// proj4's default build registers some fifty projections and MGRS; the browser only ever needs EPSG:25832
// (UTM zone 32 on GRS80) and lon/lat, so it gets proj4's core with the UTM projection alone, which keeps
// about 20 KB (gzipped) out of the bundle (issue #3's budget for the app's own code).
Proj.projections.add(etmerc);
Proj.projections.add(utm);

/** proj4 for EPSG:4326 ⇄ EPSG:25832 only. */
export const utmProj4 = core;
