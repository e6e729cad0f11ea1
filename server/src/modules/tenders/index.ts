// What other modules may use of tenders (issue #17): everything else in this folder is its own.
export * from './tenderRoutes';
export * from './tenderTransitions';
