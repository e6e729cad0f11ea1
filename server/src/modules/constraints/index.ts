// What other modules may use of constraints (issue #17): everything else in this folder is its own.
export * from './constraintRepository';
export * from './natureLayers';
