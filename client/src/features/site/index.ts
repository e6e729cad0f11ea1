// What other features may use of site (issue #17): everything else in this folder is its own.
export * from './Fact';
