import { timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import fastifyCookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { HttpProblem } from '../errors';
import { findSession, SESSION_MAX_HOURS, type SessionUser } from './sessionRepository';
import { hasRole, type Role } from './roles';

export const SESSION_COOKIE = 'koege_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in account, or null for an anonymous visitor. */
    user: SessionUser | null;
    /** The session's CSRF token (null without a session). */
    csrfToken: string | null;
  }
  interface FastifyInstance {
    /** An onRequest hook: 401 without a session, 403 when the account's role is below `role`. */
    requireRole(role: Role): onRequestHookHandler;
    setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void;
    clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void;
  }
}

export interface AuthOptions {
  /** The public address; an https one makes cookies Secure even when a proxy speaks http to us. */
  publicUrl: string;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Logging in is the one state-changing call made before a session (and so a CSRF token) exists. Login CSRF is
// still blocked: the body must be JSON, which a cross-site form cannot send without a CORS preflight.
const CSRF_EXEMPT = new Set(['/api/auth/login']);

const sameToken = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Sessions from the `koege_session` cookie (stored in the database, so all instances share them), role checks
 * and CSRF protection: every POST/PUT/PATCH/DELETE under /api made with a session must echo the session's CSRF
 * token in the `x-csrf-token` header. Requests without a session carry no authority, so they need no token:
 * the route's role check answers them with 401.
 */
export const authPlugin = fp<AuthOptions>(
  async (app, { publicUrl }) => {
    await app.register(fastifyCookie);
    const alwaysSecure = publicUrl.startsWith('https:');
    const cookieOptions = (request: FastifyRequest) => ({
      httpOnly: true,
      sameSite: 'strict' as const,
      path: '/',
      secure: alwaysSecure || request.protocol === 'https',
    });

    app.decorateRequest('user', null);
    app.decorateRequest('csrfToken', null);

    app.decorate('setSessionCookie', (request: FastifyRequest, reply: FastifyReply, token: string) => {
      // The cookie outlives no session: the database's idle timeout ends it sooner.
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(request), maxAge: SESSION_MAX_HOURS * 3600 });
    });
    app.decorate('clearSessionCookie', (request: FastifyRequest, reply: FastifyReply) => {
      reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
    });

    app.addHook('onRequest', async (request) => {
      // Only the JSON API looks at sessions: tiles and static files cost no session lookup.
      if (!request.url.startsWith('/api/')) return;
      const token = request.cookies[SESSION_COOKIE];
      // A base64url token of 32 bytes; anything else cannot be a session, so it costs no query.
      if (token && /^[A-Za-z0-9_-]{43}$/.test(token)) {
        const session = await findSession(app.pg, token);
        if (session) {
          request.user = session.user;
          request.csrfToken = session.csrfToken;
        }
      }
      const path = request.url.split('?')[0]!;
      if (!UNSAFE_METHODS.has(request.method) || CSRF_EXEMPT.has(path) || request.csrfToken === null) return;
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, request.csrfToken)) {
        const reason = sent === undefined ? 'is required on state-changing requests' : 'does not match the session';
        throw new HttpProblem(403, 'CSRF token missing or wrong', `${CSRF_HEADER}: ${reason}`, [
          { name: CSRF_HEADER, reason },
        ]);
      }
    });

    app.decorate('requireRole', (role: Role): onRequestHookHandler => {
      return async (request) => {
        if (request.user === null) {
          throw new HttpProblem(401, 'Login required', 'This action needs a logged-in account.');
        }
        if (!hasRole(request.user.role, role)) {
          throw new HttpProblem(403, 'Forbidden', `This action needs the role "${role}".`);
        }
      };
    });
  },
  { name: 'auth', dependencies: ['db', 'errors'] },
);
