// What other modules may use of exports (issue #17): everything else in this folder is its own.
export * from './exposeRoutes';
export * from './sketchExportRepository';
export * from './sketchExports';
