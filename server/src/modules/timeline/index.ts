// What other modules may use of timeline (issue #17): everything else in this folder is its own.
export * from './changeFeedRoutes';
export * from './feedRoutes';
export * from './timelineRoutes';
