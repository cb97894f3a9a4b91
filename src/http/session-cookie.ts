import type { FastifyReply } from 'fastify';
import { sessionCookie } from './auth.js';

/** The session cookie of every login (password, confirmed sign-up): httpOnly, SameSite=Strict. */
export function setSessionCookie(reply: FastifyReply, session: { token: string; expires_at: string }, secure: boolean): void {
  reply.setCookie(sessionCookie, session.token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    expires: new Date(session.expires_at),
  });
}
