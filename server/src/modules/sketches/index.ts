// What other modules may use of sketches (issue #17): everything else in this folder is its own.
export * from './checkSketchGeometry';
export * from './sendGeometryFault';
export * from './sketchRepository';
export * from './sketchCheckRoutes';
export * from './sketchRoutes';
export * from './validateSketchGeometry';
