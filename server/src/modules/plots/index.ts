// What other modules may use of plots (issue #17): everything else in this folder is its own.
export * from './parsePlotQuery';
export * from './plotExports';
export * from './plotFeed';
export * from './plotRepository';
export * from './plotRoutes';
