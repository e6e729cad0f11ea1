/** EPSG:25832, ETRS89 / UTM zone 32N, the Danish standard projection (metres), as proj4 defines it. */
export const EPSG_25832_PROJ4 = '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs';
