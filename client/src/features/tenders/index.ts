import { lazy } from 'react';

// What other features may use of tenders (issue #17): everything else in this folder is its own.
export * from './ActorText';
export * from './TenderHistory';
export * from './TenderLegend';
export * from './TenderStatusBadge';
// The workflow form is for planners: its code loads when one first opens a tendered site (render it in Suspense).
export const TenderWorkflowForm = lazy(() =>
  import('./TenderWorkflowForm').then((module) => ({ default: module.TenderWorkflowForm })),
);
export * from './WorkflowTypes';
export * from './WriteProblem';
export * from './writeProblemText';
