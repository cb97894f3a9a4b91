import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest, onSendAsyncHookHandler, preHandlerAsyncHookHandler, preValidationAsyncHookHandler } from 'fastify';
import { z } from 'zod';
import { RejectionError, reject } from '../core/rejection.js';
import type { ServiceContext } from '../services/context.js';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  idempotencyRetentionHours,
  releaseIdempotencyKey,
  requestSha256,
} from '../services/idempotency-requests.js';
import { currentUser } from './auth.js';

/**
 * Idempotent money endpoints (DESIGN.md, Contracts: Idempotency). A route that moves money or
 * starts a payment declares `idempotencyHeaders` in its schema and takes its hooks from
 * `idempotent(context, authorize)`:
 *  - preValidation: the `Idempotency-Key` header is required (IDEMPOTENCY_KEY_REQUIRED) and is 1–200
 *    printable ASCII characters without spaces, as the ledger's keys (IDEMPOTENCY_KEY_INVALID);
 *  - preHandler: after `authorize`, the key is claimed for (user, method, route pattern) with the
 *    SHA-256 of the request's params and body. A key answered before for the same request gets the
 *    first status and body again, with `Idempotent-Replayed: true`; a key used for another request
 *    is refused (409 IDEMPOTENCY_KEY_REUSED); a key whose first request has not been answered is
 *    refused (409 IDEMPOTENCY_REQUEST_IN_PROGRESS), which is also how the loser of two concurrent
 *    requests learns it lost;
 *  - onSend: a 2xx answer is kept with the key; any other answer releases the key. A refusal (4xx)
 *    rolled its transaction back and a failure (5xx) may be passing, so running the request again
 *    under the same key is both safe and what the client wants.
 * Keys are kept idempotencyRetentionHours after their first request (purged by the background jobs).
 */

export const idempotencyKeyHeader = 'idempotency-key';
export const idempotentReplayedHeader = 'idempotent-replayed';

// The ledger's own key format (src/ledger/transfer.ts), so one key can travel to a ledger posting.
const keyPattern = /^[\x21-\x7e]{1,200}$/;

/** The request header every money endpoint declares (loose: the other headers pass through untouched). */
export const idempotencyHeaders = z.looseObject({
  [idempotencyKeyHeader]: z
    .string()
    .regex(keyPattern)
    .describe(
      `Your unique key for this request, 1–200 printable ASCII characters without spaces (a UUID is good). Sending the same request again with it returns the first answer (with \`Idempotent-Replayed: true\`) instead of moving money twice; the same key with another request is refused with 409 IDEMPOTENCY_KEY_REUSED. Keys are kept ${idempotencyRetentionHours} hours.`,
    ),
});

function refuse(code: string, message: string, details?: Record<string, unknown>): never {
  throw new RejectionError(reject(code, message, details).rejection);
}

/** The header check alone, for routes whose idempotency lives in their own store (the ledger's manual postings). */
export const requireIdempotencyKey: preValidationAsyncHookHandler = async (request) => {
  const key = request.headers[idempotencyKeyHeader];
  if (key === undefined) refuse('IDEMPOTENCY_KEY_REQUIRED', 'This request moves money: send an Idempotency-Key header, a key of your own that is new for each new request.');
  if (typeof key !== 'string' || !keyPattern.test(key)) {
    refuse('IDEMPOTENCY_KEY_INVALID', 'An Idempotency-Key is 1–200 printable ASCII characters without spaces, sent once.');
  }
};

/** The key a validated request carries (the preValidation hook has checked it). */
export function idempotencyKeyOf(request: FastifyRequest): string {
  const key = request.headers[idempotencyKeyHeader];
  if (typeof key !== 'string') throw new Error('idempotencyKeyOf called on a route without the idempotent hooks');
  return key;
}

/**
 * The user's key as the services keep it: SHA-256 of user id and key, so a key chosen by one user
 * can never meet another's, and the stored value reveals neither.
 */
export function requestKeyHex(request: FastifyRequest): string {
  return createHash('sha256').update(`${currentUser(request).id}|${idempotencyKeyOf(request)}`).digest('hex');
}

/** Claims that are open, by request: onSend completes or releases them. */
const openClaims = new WeakMap<FastifyRequest, bigint>();

/**
 * The hooks of an idempotent route. `authorize` (one hook or several in order: roles, then rate
 * limits) runs before the key is claimed, so a replay needs the same rights as the first request
 * and an unauthorized one claims nothing. Only the store and
 * the clock are used, so routes built on those alone (the ledger's) can take the hooks too.
 */
export function idempotent(
  context: Pick<ServiceContext, 'store' | 'clock'>,
  authorize: preHandlerAsyncHookHandler | readonly preHandlerAsyncHookHandler[],
) {
  const claim = async (request: FastifyRequest, reply: FastifyReply) => {
    const user = currentUser(request);
    const route = request.routeOptions.url ?? request.url;
    const scope = { user_id: user.id, method: request.method, route, idempotency_key: idempotencyKeyOf(request) };
    // A route without a body schema ignores the body, so `{}` and no body are the same request.
    const body = request.routeOptions.schema?.body === undefined ? null : request.body;
    const sha256 = requestSha256({ method: request.method, route, params: request.params, body });
    const claimed = await claimIdempotencyKey(context.store, scope, sha256, context.clock.now());
    switch (claimed.kind) {
      case 'claimed':
        openClaims.set(request, claimed.id);
        return;
      case 'replay':
        return reply
          .status(claimed.status)
          .header('content-type', 'application/json; charset=utf-8')
          .header(idempotentReplayedHeader, 'true')
          .send(claimed.body);
      case 'reused':
        return refuse('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for another request; use a new key for a new request.');
      case 'in_progress':
        return refuse(
          'IDEMPOTENCY_REQUEST_IN_PROGRESS',
          'The first request with this Idempotency-Key has not been answered yet; ask again later to get its answer.',
          { claimed_at: claimed.claimed_at },
        );
    }
  };

  const keep: onSendAsyncHookHandler<unknown> = async (request, reply, payload) => {
    const id = openClaims.get(request);
    if (id === undefined) return payload;
    openClaims.delete(request);
    const status = reply.statusCode;
    try {
      if (status >= 200 && status < 300 && typeof payload === 'string') {
        await completeIdempotencyKey(context.store, id, { status, body: payload }, context.clock.now());
      } else {
        await releaseIdempotencyKey(context.store, id);
      }
    } catch (error) {
      // The money has moved (or not) already and the client should hear so. The key stays claimed,
      // and a retry is refused as in progress until the key expires: never run twice.
      request.log.error({ err: error, idempotency_request_id: id.toString() }, 'could not record the answer of an idempotent request');
    }
    return payload;
  };

  const before = Array.isArray(authorize) ? authorize : [authorize];
  return { preValidation: requireIdempotencyKey, preHandler: [...before, claim], onSend: keep };
}
