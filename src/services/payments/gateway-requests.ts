import { sql } from 'kysely';
import { chunks } from '../../store/chunks.js';
import type { ServiceContext } from '../context.js';
import { addSeconds } from '../funding/funding-time.js';

type RequestTable = 'payments' | 'aid_payout_attempts';

export interface GatewayRequest {
  readonly operation: 'collect' | 'payout';
  readonly reference: string;
  readonly amount_minor: bigint;
  readonly currency: string;
  readonly description: string;
}

/**
 * Sends requests to the provider one by one and records the ids it gave back on the rows of
 * `table` with these references, in one statement (a webhook that arrived first has set the id
 * already). A request that fails stays without an id and is counted unsent: it may still have
 * reached the provider, so it is never marked failed here; its webhook says what happened.
 */
export async function sendGatewayRequests(context: ServiceContext, table: RequestTable, requests: readonly GatewayRequest[]): Promise<{ sent: number; unsent: number }> {
  const accepted: Array<[string, string]> = [];
  let unsent = 0;
  for (const request of requests) {
    const charge = { reference: request.reference, amount_minor: request.amount_minor, currency: request.currency, description: request.description };
    try {
      const result = request.operation === 'collect' ? await context.gateway.collect(charge) : await context.gateway.payout(charge);
      accepted.push([request.reference, result.gateway_payment_id]);
    } catch {
      unsent += 1;
    }
  }
  if (accepted.length > 0) {
    const values = sql.join(accepted.map(([reference, id]) => sql`(${reference}, ${id})`));
    const target = sql.table(table);
    await sql`update ${target} set gateway_payment_id = accepted.gateway_payment_id
      from (select column1 as reference, column2 as gateway_payment_id from (values ${values}) as v) as accepted
      where ${target}.reference = accepted.reference and ${target}.gateway_payment_id is null`.execute(context.store.db);
  }
  return { sent: accepted.length, unsent };
}

/**
 * Sends the pending rows of `table` with these ids, 200 at a time, oldest first: `requestsOf`
 * reads a batch's rows that are still pending and says what to ask the provider for each.
 */
export async function sendPendingInBatches(
  context: ServiceContext,
  table: RequestTable,
  ids: readonly bigint[],
  requestsOf: (batch: bigint[]) => Promise<GatewayRequest[]>,
): Promise<{ sent: number; unsent: number }> {
  let sent = 0;
  let unsent = 0;
  for (const batch of chunks([...ids], 200)) {
    const result = await sendGatewayRequests(context, table, await requestsOf(batch));
    sent += result.sent;
    unsent += result.unsent;
  }
  return { sent, unsent };
}

/** The pending rows of `table` whose request never got through (no provider id) and that are older than `older_than_seconds`, oldest first. */
export async function unsentRequestIds(context: ServiceContext, table: RequestTable, limit: number, older_than_seconds: number): Promise<bigint[]> {
  const before = addSeconds(context.clock.now().toISOString(), -older_than_seconds);
  const rows = await context.store.db
    .selectFrom(table)
    .select('id')
    .where('status', '=', 'pending')
    .where('gateway_payment_id', 'is', null)
    .where('created_at', '<=', before)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}
