// What other modules may use of ogc (issue #17): everything else in this folder is its own.
export * from './ogcRoutes';
