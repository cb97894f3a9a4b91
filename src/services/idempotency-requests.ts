import { createHash } from 'node:crypto';
import { assert } from '../core/rejection.js';
import type { Store } from '../store/store.js';

/**
 * How long a key is remembered after its first request: a replay inside this window gets the
 * first answer; after it the key is forgotten and may be used again. Two days cover a client that
 * retries through a night and a day of an outage; payment references keep what happened for good.
 */
export const idempotencyRetentionHours = 48;

/** Expired keys deleted by one background-jobs pass at most, so a pass stays short. */
export const maxExpiredKeysPurged = 1000;

/** Who sent which request with which key: a key belongs to one user on one route. */
export interface IdempotencyScope {
  readonly user_id: bigint;
  readonly method: string;
  /** The route pattern, e.g. `/api/memberships/:id/top-ups`. */
  readonly route: string;
  readonly idempotency_key: string;
}

export type IdempotencyClaim =
  /** The key is new: run the request, then complete (or release) the claim. */
  | { readonly kind: 'claimed'; readonly id: bigint }
  /** Answered before, for the same request: send this again. */
  | { readonly kind: 'replay'; readonly status: number; readonly body: string }
  /** Used before for another request (other params or body). */
  | { readonly kind: 'reused' }
  /** The first request with this key has not finished (or was cut short before it was answered). */
  | { readonly kind: 'in_progress'; readonly claimed_at: string };

/** JSON with object keys sorted at every depth, so the same request always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** SHA-256 (hex) of what makes two requests the same: method, route, params and body. */
export function requestSha256(request: { method: string; route: string; params: unknown; body: unknown }): string {
  return createHash('sha256').update(canonicalJson({ method: request.method, route: request.route, params: request.params ?? null, body: request.body ?? null })).digest('hex');
}

function hoursAfter(at: Date, hours: number): string {
  return new Date(at.getTime() + hours * 3_600_000).toISOString();
}

/**
 * Claims a key for a request, or says what became of the first request that used it. The insert
 * does nothing when the row exists (ON CONFLICT DO NOTHING on both databases), so of two requests
 * racing with one key exactly one claims it and the other reads the winner's row. A row past its
 * retention is deleted and the key claimed afresh; that loop runs at most twice, since the row
 * read is expired only once.
 */
export async function claimIdempotencyKey({ db }: Store, scope: IdempotencyScope, request_sha256: string, at: Date): Promise<IdempotencyClaim> {
  const now = at.toISOString();
  for (let attempt = 0; attempt < 2; attempt++) {
    const inserted = await db
      .insertInto('idempotency_requests')
      .values({ ...scope, request_sha256, state: 'in_progress', response_status: null, response_body: null, created_at: now, completed_at: null, expires_at: hoursAfter(at, idempotencyRetentionHours) })
      .onConflict((conflict) => conflict.columns(['user_id', 'method', 'route', 'idempotency_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted !== undefined) return { kind: 'claimed', id: inserted.id };
    const earlier = await db
      .selectFrom('idempotency_requests')
      .selectAll()
      .where('user_id', '=', scope.user_id)
      .where('method', '=', scope.method)
      .where('route', '=', scope.route)
      .where('idempotency_key', '=', scope.idempotency_key)
      .executeTakeFirst();
    // Released between our insert and our read: claim again.
    if (earlier === undefined) continue;
    if (earlier.expires_at <= now) {
      await db.deleteFrom('idempotency_requests').where('id', '=', earlier.id).where('expires_at', '<=', now).execute();
      continue;
    }
    if (earlier.request_sha256 !== request_sha256) return { kind: 'reused' };
    if (earlier.state === 'in_progress') return { kind: 'in_progress', claimed_at: earlier.created_at };
    assert(earlier.response_status !== null && earlier.response_body !== null, 'a completed idempotency key holds its response');
    return { kind: 'replay', status: Number(earlier.response_status), body: earlier.response_body };
  }
  // Two rounds lost to a release and an expiry in a row: the other request holds the key now.
  return { kind: 'in_progress', claimed_at: now };
}

/** Keeps the answer of a claimed request, so a replay returns it. */
export async function completeIdempotencyKey({ db }: Store, id: bigint, response: { status: number; body: string }, at: Date): Promise<void> {
  await db
    .updateTable('idempotency_requests')
    .set({ state: 'completed', response_status: BigInt(response.status), response_body: response.body, completed_at: at.toISOString() })
    .where('id', '=', id)
    .where('state', '=', 'in_progress')
    .execute();
}

/** Forgets a claim whose request was refused or failed, so the same key can run again. */
export async function releaseIdempotencyKey({ db }: Store, id: bigint): Promise<void> {
  await db.deleteFrom('idempotency_requests').where('id', '=', id).where('state', '=', 'in_progress').execute();
}

/** Deletes at most `limit` keys past their retention, oldest first; returns how many. */
export async function purgeExpiredIdempotencyKeys({ db }: Store, at: Date, limit = maxExpiredKeysPurged): Promise<number> {
  const now = at.toISOString();
  const expired = db.selectFrom('idempotency_requests').select('id').where('expires_at', '<=', now).orderBy('expires_at').orderBy('id').limit(limit);
  const deleted = await db.deleteFrom('idempotency_requests').where('id', 'in', expired).where('expires_at', '<=', now).executeTakeFirst();
  return Number(deleted.numDeletedRows);
}
