// What other features may use of finder (issue #17): everything else in this folder is its own.
export * from './buildPlotQuery';
