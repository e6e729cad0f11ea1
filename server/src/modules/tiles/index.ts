// What other modules may use of tiles (issue #17): everything else in this folder is its own.
export * from './tileRoutes';
export * from './tileService';
export * from './tilesets';
