// What other features may use of climate (issue #17): everything else in this folder is its own.
export * from './ClimateScenario';
export * from './FloodExtent';
export * from './floodExtents';
export * from './floodUrlValues';
