// What other modules may use of progress (issue #17): everything else in this folder is its own.
export * from './progressRepository';
export * from './progressRoutes';
