import { HttpProblem } from '../errors';

/**
 * The version a change is based on, from the body's `version` or an `If-Match: "<version>"` header (as the
 * ETag of the GET carries it). One of them is required; when both come they must agree.
 */
export function resolveVersion(bodyVersion: number | undefined, ifMatch: string | undefined): number {
  let headerVersion: number | undefined;
  if (ifMatch !== undefined) {
    const m = /^"([1-9][0-9]{0,9})"$/.exec(ifMatch.trim());
    if (!m || Number(m[1]) > 2_147_483_647) {
      throw HttpProblem.badRequest('if-match', 'must be a quoted version number, e.g. "3"');
    }
    headerVersion = Number(m[1]);
  }
  if (headerVersion !== undefined && bodyVersion !== undefined && headerVersion !== bodyVersion) {
    throw HttpProblem.badRequest('if-match', `names version ${headerVersion} but body.version is ${bodyVersion}`);
  }
  const version = bodyVersion ?? headerVersion;
  if (version === undefined) {
    throw HttpProblem.badRequest('body.version', 'is required (or an If-Match header): the version you saw');
  }
  return version;
}
