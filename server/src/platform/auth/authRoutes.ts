import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { LoginBody, LoginResult, Me } from '@shared/schemas/auth';
import { NoQuery, Problem } from '@shared/schemas/common';
import { HttpProblem, sendProblem } from '../errors';
import { SESSION_COOKIE } from './authPlugin';
import { clearLoginAttempts, recordLoginAttempt } from './loginAttemptRepository';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './passwordHash';
import { createSession, deleteSession } from './sessionRepository';
import { findLogin } from './userRepository';

/** `/api/auth`: login, logout and who am I. */
export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log in; sets the HttpOnly session cookie and returns the CSRF token for later changes',
        querystring: NoQuery,
        body: LoginBody,
        response: { 200: LoginResult, 400: Problem, 401: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      // Before any password check: per address, and per e-mail from all addresses with back-off (issue #19).
      const attempt = await recordLoginAttempt(app.pg, request.ip, email);
      if (attempt.limited) {
        return sendProblem(reply.header('retry-after', String(attempt.retryAfterSeconds)), request, {
          type: '',
          title: 'Too many login attempts',
          status: 429,
          detail: `Try again in ${attempt.retryAfterSeconds} s.`,
        });
      }
      const account = await findLogin(app.pg, email);
      // Always one scrypt, so an unknown e-mail answers as slowly as a wrong password.
      const matches = await verifyPassword(password, account?.password_hash ?? (await DUMMY_PASSWORD_HASH()));
      if (!account || account.disabled || !matches) {
        // One answer for unknown e-mail, wrong password and disabled account: it tells nothing about accounts.
        throw new HttpProblem(401, 'Login failed', 'Wrong e-mail or password.');
      }
      // Only here, after the right password of an enabled account: a guesser cannot clear the account's failures.
      await clearLoginAttempts(app.pg, request.ip, email);
      // A new session on every login, so a session id planted before login is worthless after it.
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) await deleteSession(app.pg, previous);
      const { token, csrfToken } = await createSession(app.pg, account.id);
      app.setSessionCookie(request, reply, token);
      return { user: { display_name: account.display_name, role: account.role }, csrf_token: csrfToken };
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log out: ends the session (needs the x-csrf-token header)',
        querystring: NoQuery,
        response: { 204: Type.Null(), 400: Problem, 403: Problem },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(app.pg, token);
      app.clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The logged-in account (display name and role) and its CSRF token, or user null',
        querystring: NoQuery,
        response: { 200: Me, 400: Problem },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      if (request.user === null || request.csrfToken === null) return { user: null };
      return {
        user: { display_name: request.user.displayName, role: request.user.role },
        csrf_token: request.csrfToken,
      };
    },
  );
};
