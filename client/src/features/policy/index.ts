// What other features may use of policy (issue #17): everything else in this folder is its own.
export * from './policySlice';
export * from './summariseInitiative';
