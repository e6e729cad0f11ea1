import { ApiError } from '../../api/ApiError';
import { ProblemError } from '../../api/ProblemError';
import type { GeometryFault } from './SketchTypes';
import { errorMessage } from '../../store/errorMessage';

/** Why a sketch change (save, restore, delete, import) was refused, in the terms the panel shows. */
export type SketchProblem =
  /** The server's geometry validation: PostGIS's reason, where, and whether ST_MakeValid can repair it. */
  | { kind: 'fault'; fault: GeometryFault }
  /** Someone else saved a newer version first (412). */
  | { kind: 'stale'; currentVersion: number | null }
  /** The sketch was deleted meanwhile (409). */
  | { kind: 'deleted' }
  | { kind: 'invalid'; fields: { name: string; reason: string }[] }
  | { kind: 'denied'; status: 401 | 403 }
  /** Anything else; `message` is the server's problem title and detail when it sent one. */
  | { kind: 'error'; message: string };

/**
 * Reads a failed sketch change: a 400 with `geometry_fault` (sketch contract, issue #6), 412 with `current_version`,
 * 409 deleted, 400 naming fields (`body.` stripped), 401/403.
 */
export function sketchProblemOf(error: unknown): SketchProblem {
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
    return { kind: 'denied', status: error.status };
  }
  if (error instanceof ProblemError) {
    if (error.status === 412) {
      const current = error.body.current_version;
      return { kind: 'stale', currentVersion: typeof current === 'number' ? current : null };
    }
    if (error.status === 409) return { kind: 'deleted' };
    if (error.status === 400) {
      const fault = geometryFaultOf(error.body.geometry_fault);
      if (fault !== null) return { kind: 'fault', fault };
      const fields = error.invalidParams.map(({ name, reason }) => ({ name: name.replace(/^body[./]/, ''), reason }));
      if (fields.length > 0) return { kind: 'invalid', fields };
    }
  }
  return { kind: 'error', message: errorMessage(error) };
}

/** A problem body's `geometry_fault`, checked member by member: the body comes from the network. */
export function geometryFaultOf(value: unknown): GeometryFault | null {
  if (value === null || typeof value !== 'object') return null;
  const { reason, location, repairable, repaired } = value as Record<string, unknown>;
  if (typeof reason !== 'string') return null;
  const isLocation = Array.isArray(location) && location.length === 2 && location.every((n) => typeof n === 'number');
  const isGeometry =
    repaired !== null && typeof repaired === 'object' && typeof (repaired as { type?: unknown }).type === 'string';
  return {
    reason,
    location: isLocation ? (location as [number, number]) : null,
    repairable: repairable === true,
    repaired: isGeometry ? (repaired as GeometryFault['repaired']) : null,
  };
}
