// What other features may use of tenders (issue #17): everything else in this folder is its own.
export * from './ActorText';
export * from './TenderHistory';
export * from './TenderLegend';
export * from './TenderStatusBadge';
export * from './TenderWorkflowForm';
export * from './WorkflowTypes';
export * from './WriteProblem';
export * from './writeProblemText';
