import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { maxEmailLength } from '../../core/accounts/contact.js';
import { contactsOfUser } from '../../services/accounts/contacts.js';
import { devMailbox, maxMailboxMessages } from '../../services/accounts/dev-mailbox.js';
import type { CodeRequestOutcome } from '../../services/accounts/issued-code.js';
import { askPasswordReset, confirmPasswordReset } from '../../services/accounts/password-reset.js';
import { confirmSignUp, maxDisplayNameLength, resendSignUpCode, signUp } from '../../services/accounts/sign-up.js';
import type { ServiceContext } from '../../services/context.js';
import { startSession } from '../../services/sessions.js';
import { currentUser, requireRoles, sessionCookie } from '../auth.js';
import { errorResponses, idString } from '../schemas.js';
import { setSessionCookie } from '../session-cookie.js';
import { userJson, userSchema } from './auth-routes.js';

export interface AccountRouteOptions {
  readonly secureCookies: boolean;
  /** Per client IP and route, as for POST /api/auth/login. */
  readonly attemptsPerMinute: number;
  /** In production there is no dev mailbox and no one-time code in the log. */
  readonly production: boolean;
}

const contact = z.string().min(1).max(maxEmailLength).describe('An e-mail address, or a mainland China mobile number (11 digits starting with 1)');
const code = z.string().regex(/^\d{6}$/, 'six digits').describe('The six-digit one-time code');
const password = z.string().min(1).max(200);

const codeRequestAnswer = z
  .object({
    channel: z.enum(['email', 'sms']),
    contact_masked: z.string(),
    expires_in_seconds: z.number().int(),
    resend_after_seconds: z.number().int(),
  })
  .describe('The same answer whether or not an account has the contact');

const mailboxMessage = z.object({
  id: idString,
  channel: z.enum(['email', 'sms']),
  to: z.string().describe('The masked address or number'),
  subject_zh: z.string(),
  subject_en: z.string(),
  body_zh: z.string(),
  body_en: z.string(),
  created_at: z.string(),
});

/**
 * Accounts people make for themselves: sign-up by e-mail or mobile number with a one-time code,
 * password reset the same way, and (outside production) the mailbox where those codes can be read.
 */
export function accountRoutes(app: FastifyInstance, context: ServiceContext, options: AccountRouteOptions): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const rateLimit = { max: options.attemptsPerMinute, timeWindow: '1 minute' };

  // Outside production each code really sent is printed, so a newcomer without a mail server reads it.
  const accepted = (request: FastifyRequest, outcome: CodeRequestOutcome) => {
    if (!options.production && outcome.issued !== undefined) {
      const { issued } = outcome;
      request.log.warn(
        { purpose: issued.purpose, channel: issued.channel, to: issued.contact_masked },
        `one-time code ${issued.code} for ${issued.contact_masked} (${issued.purpose}; shown outside production only)`,
      );
    }
    return outcome.answer;
  };

  api.post(
    '/api/auth/signup',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Sign up with an e-mail address or mobile number; a one-time code is sent to it (202, the same answer for a contact that has an account)',
        security: [],
        body: z.object({ contact, display_name: z.string().min(1).max(maxDisplayNameLength), password }),
        response: { 202: codeRequestAnswer, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(202).send(accepted(request, await signUp(context, request.body))),
  );

  api.post(
    '/api/auth/signup/resend',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Send a new sign-up code (the previous one stops working); once a minute, five codes an hour per contact',
        security: [],
        body: z.object({ contact }),
        response: { 202: codeRequestAnswer, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(202).send(accepted(request, await resendSignUpCode(context, request.body))),
  );

  api.post(
    '/api/auth/signup/confirm',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Confirm a sign-up with its code: creates the account (a member) and logs in, as POST /api/auth/login does',
        security: [],
        body: z.object({ contact, code }),
        response: { 200: z.object({ user: userSchema, expires_at: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = await confirmSignUp(context, request.body);
      const session = await startSession(context.store, user.id, context.clock.now());
      setSessionCookie(reply, session, options.secureCookies);
      return { user: userJson(user), expires_at: session.expires_at };
    },
  );

  api.post(
    '/api/auth/password-reset',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Ask for a password reset code to an e-mail address or mobile number (202 whether or not an account has it)',
        security: [],
        body: z.object({ contact }),
        response: { 202: codeRequestAnswer, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(202).send(accepted(request, await askPasswordReset(context, request.body))),
  );

  api.post(
    '/api/auth/password-reset/confirm',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with the reset code; ends every other session of the account',
        security: [],
        body: z.object({ contact, code, new_password: password }),
        response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
      },
    },
    async (request) => {
      await confirmPasswordReset(context, { ...request.body, session_token: request.cookies[sessionCookie] });
      return { ok: true as const };
    },
  );

  api.get(
    '/api/auth/contacts',
    {
      preHandler: requireRoles(),
      schema: {
        tags: ['auth'],
        summary: 'Your confirmed e-mail addresses and mobile numbers, masked',
        response: {
          200: z.object({ contacts: z.array(z.object({ kind: z.enum(['email', 'phone']), masked: z.string(), confirmed_at: z.string() })) }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ contacts: await contactsOfUser(context, currentUser(request).id) }),
  );

  if (options.production) return;
  api.get(
    '/api/dev/mailbox',
    {
      schema: {
        tags: ['dev'],
        summary: 'Outside production only (404 in production): the latest one-time code messages of the outbox, for reading a code without a mail server',
        security: [],
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(maxMailboxMessages).default(20) }),
        response: { 200: z.object({ messages: z.array(mailboxMessage) }), ...errorResponses },
      },
    },
    async (request) => ({
      messages: (await devMailbox(context, request.query.limit)).map((message) => ({ ...message, id: message.id.toString() })),
    }),
  );
}
