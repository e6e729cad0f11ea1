// What other features may use of auth (issue #17): everything else in this folder is its own.
export * from './authSlice';
