// What other modules may use of sites (issue #17): everything else in this folder is its own.
export * from './siteRepository';
export * from './siteRoutes';
