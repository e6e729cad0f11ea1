// What other modules may use of search (issue #21): everything else in this folder is its own.
export * from './searchRoutes';
