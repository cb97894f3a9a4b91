import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { RejectionError } from '../core/rejection.js';
import { statusForCode } from './error-status.js';

export interface ErrorBody {
  error: { code: string; message: string; details: unknown };
}

function body(code: string, message: string, details: unknown = null): ErrorBody {
  return { error: { code, message, details } };
}

// Fastify's own client errors, by their error codes, mapped to our stable codes.
const fastifyCodes: Readonly<Record<string, [number, string]>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'BAD_JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'BAD_JSON'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'BODY_TOO_LARGE'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'VALIDATION_FAILED'],
  FST_ERR_VALIDATION: [400, 'VALIDATION_FAILED'],
};

/** Every error body is `{"error":{"code","message","details"}}`. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof RejectionError) {
      const { code, message, details } = error.rejection;
      return reply.status(statusForCode(code)).send(body(code, message, details ?? null));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((issue) => ({
        path: issue.instancePath,
        message: issue.message,
        where: error.validationContext,
      }));
      return reply.status(400).send(body('VALIDATION_FAILED', `Invalid ${error.validationContext}: ${issues[0]?.path || '/'} ${issues[0]?.message ?? ''}`.trim(), issues));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return reply.status(500).send(body('INTERNAL', 'The server made an invalid response; this is a bug and has been logged.'));
    }
    if (error.statusCode === 429) {
      return reply.status(429).send(body('RATE_LIMITED', error.message));
    }
    const known = error.code === undefined ? undefined : fastifyCodes[error.code];
    if (known !== undefined) return reply.status(known[0]).send(body(known[1], error.message));
    if (error instanceof SyntaxError || (error as { type?: string }).type === 'entity.parse.failed') {
      return reply.status(400).send(body('BAD_JSON', 'The request body is not valid JSON.'));
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(body(error.code ?? 'BAD_REQUEST', error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', 'Something went wrong on the server; it has been logged.'));
  });

}

/** The JSON 404 of the API (and of any path that is not a page of the web app). */
export function sendNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.status(404).send(body('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}.`));
}
