// What other modules may use of policy (issue #17): everything else in this folder is its own.
export * from './policyOverviewRepository';
export * from './policyRoutes';
