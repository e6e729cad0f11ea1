// What other features may use of shortlist (issue #17): everything else in this folder is its own.
export * from './ShortlistSection';
export * from './ShortlistToggle';
