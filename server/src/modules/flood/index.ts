// What other modules may use of flood (issue #17): everything else in this folder is its own.
export * from './elevationSource';
export * from './floodRepository';
export * from './floodRoutes';
export * from './floodService';
export * from './parseFloodLevel';
export * from './siteFloodReport';
