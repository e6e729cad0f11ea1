// What other modules may use of registers (issue #16): the layers that imports fill. The command line
// (importCli.ts) is run by `npm run import`, never imported.
export { PLAN_LAYER_IDS, REGISTER_LAYERS, type RegisterLayer } from './registerLayers';
export { OSM_LAYERS } from './osm/osmLayers';
