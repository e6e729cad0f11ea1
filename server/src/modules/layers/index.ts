// What other modules may use of layers (issue #17): everything else in this folder is its own.
export * from './layerRepository';
export * from './layerRoutes';
