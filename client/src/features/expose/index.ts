// What other features may use of expose (issue #17): everything else in this folder is its own.
export * from './ExposeLink';
export * from './exposeUrl';
