import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { RejectionError, reject } from '../core/rejection.js';

/** 1–200 printable ASCII characters without spaces, as for the ledger's own transaction keys. */
const idempotencyKeyPattern = /^[\x21-\x7e]{1,200}$/;

/**
 * The Idempotency-Key header of the ledger's POSTs, for the OpenAPI document. A loose object:
 * the other headers (the session cookie among them) stay on the request.
 */
export const idempotencyKeyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .regex(idempotencyKeyPattern)
    .describe(
      'Required. 1–200 printable ASCII characters without spaces. A replay with the same body returns the first answer; ' +
        'the same key with another body is 409 IDEMPOTENCY_KEY_REUSED.',
    ),
});

/**
 * Checks the header before the schema does (a preValidation hook, after the role check), so a
 * missing or malformed key gets its own stable code rather than a generic VALIDATION_FAILED.
 */
export async function requireIdempotencyKey(request: FastifyRequest): Promise<void> {
  const value = request.headers['idempotency-key'];
  if (value === undefined) {
    const message = 'This request moves money or changes the ledger: send an Idempotency-Key header.';
    throw new RejectionError(reject('IDEMPOTENCY_KEY_REQUIRED', message).rejection);
  }
  if (typeof value !== 'string' || !idempotencyKeyPattern.test(value)) {
    const message = 'An Idempotency-Key is 1–200 printable ASCII characters without spaces, sent once.';
    throw new RejectionError(reject('IDEMPOTENCY_KEY_INVALID', message).rejection);
  }
}

/** The key, once requireIdempotencyKey has let the request through. */
export function idempotencyKeyOf(request: FastifyRequest): string {
  return request.headers['idempotency-key'] as string;
}
