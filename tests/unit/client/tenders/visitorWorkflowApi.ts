import { ApiError } from '../../../../client/src/api/ApiError';
import type { KoegeApi } from '../../../../client/src/api/KoegeApi';
import { visitorSketchApi, type SketchMethods } from '../sketches/visitorSketchApi';

type WorkflowMethods =
  | 'getMe'
  | 'login'
  | 'logout'
  | 'getTenderTransitions'
  | 'getTender'
  | 'changeTender'
  | 'getActionProgress'
  | 'changeActionProgress'
  | 'getTimeline'
  | 'getPolicyOverview';

const refused = async (): Promise<never> => {
  throw new ApiError({ status: 401, title: 'Unauthorized' });
};

/**
 * The workflow (and sketch) part of a fake API edge for tests that do not exercise it: a visitor, whom every change
 * refuses.
 */
export function visitorWorkflowApi(): Pick<KoegeApi, WorkflowMethods | SketchMethods> {
  return {
    ...visitorSketchApi(),
    getMe: async () => ({ user: null }),
    login: refused,
    logout: refused,
    getTenderTransitions: async () => ({ states: [], transitions: {}, requires: {} }),
    getTender: async () => {
      throw new ApiError({ status: 404, title: 'Not Found' });
    },
    changeTender: refused,
    getActionProgress: async () => {
      throw new ApiError({ status: 404, title: 'Not Found' });
    },
    changeActionProgress: refused,
    getTimeline: async ({ siteId, from, to }) => ({ from, to, site: siteId, plots: [], events: [], truncated: false }),
    getPolicyOverview: async () => ({ initiatives: [] }),
  };
}
