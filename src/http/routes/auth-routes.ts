import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roles } from '../../core/roles.js';
import type { Clock } from '../../services/clock.js';
import { endSession, startSession } from '../../services/sessions.js';
import { changePassword, createUser, type User } from '../../services/users.js';
import { listUsersPage, maxUserPageSize, maxUsernameSearchLength, setUserDisabled, setUserRoles } from '../../services/user-admin.js';
import type { Store } from '../../store/store.js';
import { authenticateLogin } from '../../services/accounts/login.js';
import type { ServiceContext } from '../../services/context.js';
import { currentUser, requireRoles, sessionCookie } from '../auth.js';
import { setSessionCookie } from '../session-cookie.js';
import { errorResponses, idString } from '../schemas.js';

export const userSchema = z.object({
  id: idString,
  username: z.string(),
  display_name: z.string(),
  roles: z.array(z.enum(roles)),
  created_at: z.string(),
  disabled: z.boolean(),
});

export function userJson(user: User) {
  return { ...user, id: user.id.toString(), roles: [...user.roles] };
}

export interface AuthRouteOptions {
  readonly secureCookies: boolean;
  readonly loginAttemptsPerMinute: number;
  /** For logins by e-mail address or mobile number (their keyed hashes). */
  readonly context: ServiceContext;
}

export function authRoutes(app: FastifyInstance, store: Store, clock: Clock, options: AuthRouteOptions): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: options.loginAttemptsPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Log in with a username, e-mail address or mobile number; sets an httpOnly, SameSite=Strict session cookie',
        body: z.object({
          username: z.string().min(1).max(254).describe('A username, or the e-mail address or mobile number the account was signed up with'),
          password: z.string().min(1).max(200),
        }),
        response: { 200: z.object({ user: userSchema, expires_at: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = await authenticateLogin(options.context, request.body.username, request.body.password);
      const session = await startSession(store, user.id, clock.now());
      setSessionCookie(reply, session, options.secureCookies);
      return { user: userJson(user), expires_at: session.expires_at };
    },
  );

  api.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'End the session', response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (request, reply) => {
      const token = request.cookies[sessionCookie];
      if (token !== undefined) await endSession(store, token);
      reply.clearCookie(sessionCookie, { path: '/' });
      return { ok: true as const };
    },
  );

  api.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: 'The logged-in user', response: { 200: z.object({ user: userSchema }), ...errorResponses } } },
    async (request) => ({ user: userJson(currentUser(request)) }),
  );

  api.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change the logged-in user’s password',
        body: z.object({ current_password: z.string().min(1).max(200), new_password: z.string().min(1).max(200) }),
        response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
      },
    },
    async (request) => {
      await changePassword(store, currentUser(request).id, request.body.current_password, request.body.new_password);
      return { ok: true as const };
    },
  );

  api.get(
    '/api/users',
    {
      preHandler: requireRoles('admin'),
      schema: {
        tags: ['users'],
        summary: 'Users by id, paged, optionally those whose username contains a search text (admin; pass next_after as after)',
        querystring: z.object({
          search: z.string().max(maxUsernameSearchLength).optional(),
          after: idString.optional().describe('The last id of the previous page'),
          limit: z.coerce.number().int().min(1).max(maxUserPageSize).default(50),
        }),
        response: { 200: z.object({ users: z.array(userSchema), next_after: idString.nullable() }), ...errorResponses },
      },
    },
    async (request) => {
      const { search, after, limit } = request.query;
      const page = await listUsersPage(store, { search, after: after === undefined ? undefined : BigInt(after), limit });
      return { users: page.users.map(userJson), next_after: page.next_after?.toString() ?? null };
    },
  );

  api.post(
    '/api/users/:id/roles',
    {
      preHandler: requireRoles('admin'),
      schema: {
        tags: ['users'],
        summary: 'Replace a user’s roles (admin; an admin cannot take the admin role from themselves: USER_SELF_PROTECTED)',
        params: z.object({ id: idString }),
        body: z.object({ roles: z.array(z.string().max(32)).max(roles.length) }),
        response: { 200: z.object({ user: userSchema }), ...errorResponses },
      },
    },
    async (request) => ({ user: userJson(await setUserRoles(store, BigInt(request.params.id), request.body.roles, currentUser(request).id)) }),
  );

  api.post(
    '/api/users/:id/disable',
    {
      preHandler: requireRoles('admin'),
      schema: {
        tags: ['users'],
        summary: 'Disable a user: their sessions end now and they cannot log in (admin; not yourself: USER_SELF_PROTECTED)',
        params: z.object({ id: idString }),
        response: { 200: z.object({ user: userSchema }), ...errorResponses },
      },
    },
    async (request) => ({
      user: userJson(await setUserDisabled(store, BigInt(request.params.id), true, currentUser(request).id, clock.now().toISOString())),
    }),
  );

  api.post(
    '/api/users/:id/enable',
    {
      preHandler: requireRoles('admin'),
      schema: {
        tags: ['users'],
        summary: 'Enable a disabled user again: they can log in with their password (admin)',
        params: z.object({ id: idString }),
        response: { 200: z.object({ user: userSchema }), ...errorResponses },
      },
    },
    async (request) => ({
      user: userJson(await setUserDisabled(store, BigInt(request.params.id), false, currentUser(request).id, clock.now().toISOString())),
    }),
  );

  api.post(
    '/api/users',
    {
      preHandler: requireRoles('admin'),
      schema: {
        tags: ['users'],
        summary: 'Create a user with roles (admin)',
        body: z.object({
          username: z.string().max(64),
          display_name: z.string().min(1).max(100),
          password: z.string().max(200),
          roles: z.array(z.string()).min(1).max(roles.length),
        }),
        response: { 201: z.object({ user: userSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = await createUser(store, request.body, clock.now().toISOString());
      return reply.status(201).send({ user: userJson(user) });
    },
  );
}
