/**
 * The API's vector tiles: extent and buffer in tile units. The same numbers as the server's EXTENT and BUFFER
 * (server/src/modules/tiles/tileQueries.ts; a unit test keeps them equal) without bundling the server's SQL.
 */
export const API_TILE_EXTENT = 4096;
export const API_TILE_BUFFER = 64;
