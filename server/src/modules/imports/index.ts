// What other modules may use of imports (issue #17): everything else in this folder is its own.
export * from './sketchExchangeRoutes';
