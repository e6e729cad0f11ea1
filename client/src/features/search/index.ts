// What other features may use of search (issue #21): everything else in this folder is its own.
export * from './SearchBox';
export * from './searchPin';
export * from './searchSlice';
export * from './searchUrlParams';
