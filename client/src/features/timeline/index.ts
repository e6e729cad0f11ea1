// What other features may use of timeline (issue #17): everything else in this folder is its own.
export * from './timelineUrl';
