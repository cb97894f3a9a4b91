import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';

/** How many money-moving requests (top-ups, wallet refunds) one user may make per window. */
export interface MoneyRateLimit {
  readonly max: number;
  readonly time_window_ms: number;
}

/**
 * 30 a minute: far more than a person tops up or refunds by hand, few enough that a script
 * cannot flood the payment provider and the ledger's lock for everyone else.
 */
export const defaultMoneyRateLimit: MoneyRateLimit = { max: 30, time_window_ms: 60_000 };

/**
 * One handler for every money-moving route, so they share one allowance per user (route config
 * would count each route on its own). It runs as a preHandler after requireRoles: a request
 * without a session is refused as AUTH_REQUIRED and a malformed one as VALIDATION_FAILED without
 * counting. An over-limit request is a 429 RATE_LIMITED and writes nothing.
 */
export function moneyRateLimiter(app: FastifyInstance, limit: MoneyRateLimit): preHandlerAsyncHookHandler {
  return app.rateLimit({
    max: limit.max,
    timeWindow: limit.time_window_ms,
    keyGenerator: (request: FastifyRequest) => (request.user === null ? `ip:${request.ip}` : `user:${request.user.id}`),
  });
}
