import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Account, AccountChange, NewAccount } from '@shared/schemas/auth';
import { NoQuery, Problem } from '@shared/schemas/common';
import { HttpProblem } from '../errors';
import { hashPassword } from './passwordHash';
import { createUser, listUsers, updateUser } from './userRepository';

const Denied = { 401: Problem, 403: Problem };

/** `/api/admin/users`: account management, for admins only. */
export const adminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const onRequest = app.requireRole('admin');

  app.get(
    '/admin/users',
    {
      onRequest,
      schema: {
        tags: ['admin'],
        summary: 'All accounts',
        querystring: NoQuery,
        response: { 200: Type.Object({ users: Type.Array(Account) }), 400: Problem, ...Denied },
      },
    },
    async () => ({ users: await listUsers(app.pg) }),
  );

  app.post(
    '/admin/users',
    {
      onRequest,
      schema: {
        tags: ['admin'],
        summary: 'Add an account',
        querystring: NoQuery,
        body: NewAccount,
        response: { 201: Account, 400: Problem, ...Denied, 409: Problem },
      },
    },
    async (request, reply) => {
      const { email, display_name, role, password } = request.body;
      const user = await createUser(app.pg, {
        email,
        displayName: display_name,
        role,
        passwordHash: await hashPassword(password),
      });
      if (!user) throw new HttpProblem(409, 'E-mail in use', 'An account with this e-mail already exists.');
      return reply.code(201).send(user);
    },
  );

  app.patch(
    '/admin/users/:id',
    {
      onRequest,
      schema: {
        tags: ['admin'],
        summary: 'Change an account: display name, role, disabled, password (disabling ends its sessions)',
        params: Type.Object({ id: Type.String({ pattern: '^[1-9][0-9]{0,8}$' }) }),
        querystring: NoQuery,
        body: AccountChange,
        response: { 200: Account, 400: Problem, ...Denied, 404: Problem, 409: Problem },
      },
    },
    async (request) => {
      const { display_name, role, disabled, password } = request.body;
      const id = Number(request.params.id);
      // An admin locking themselves out could leave no admin at all; another admin (or the CLI) must do it.
      if (id === request.user!.id && (disabled === true || role === 'planner')) {
        throw new HttpProblem(409, 'Cannot demote or disable yourself', 'Ask another admin, or use npm run user.');
      }
      const user = await updateUser(app.pg, id, {
        ...(display_name !== undefined ? { displayName: display_name } : {}),
        ...(role !== undefined ? { role } : {}),
        ...(disabled !== undefined ? { disabled } : {}),
        ...(password !== undefined ? { passwordHash: await hashPassword(password) } : {}),
      });
      if (!user) throw HttpProblem.notFound(`No account ${request.params.id}`);
      return user;
    },
  );
};
