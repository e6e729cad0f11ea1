import type { HelmetOptions } from 'helmet';

/**
 * The Content-Security-Policy (issue #8) for a page that may load map tiles and images from `mapOrigins` besides its
 * own: the online basemap's origin (issue #16) and MAP_ORIGINS. With none, the page fetches from nowhere else.
 * No inline script; worked out once at start, since the policy has no per-request nonce.
 */
export function contentSecurityPolicy(
  mapOrigins: readonly string[],
): NonNullable<HelmetOptions['contentSecurityPolicy']> {
  const origins = [...new Set(mapOrigins)];
  return {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // MapLibre's worker is a file of the app's own origin; blob: for a build that inlines it.
      workerSrc: ["'self'", 'blob:'],
      childSrc: ["'self'", 'blob:'],
      connectSrc: ["'self'", ...origins],
      imgSrc: ["'self'", 'data:', 'blob:', ...origins],
      // React and MapLibre position elements through style attributes set from script.
      styleSrc: ["'self'", "'unsafe-inline'"],
      fontSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'self'"],
    },
  };
}
