import { enrolMembers } from '../../src/services/members.js';
import { SimulatedGateway } from '../../src/services/payments/simulated-gateway.js';
import { handleGatewayWebhook } from '../../src/services/payments/webhook-intake.js';
import { ensureSamplePlans } from '../../src/services/plans.js';
import type { DialectName } from '../../src/store/schema.js';
import { noToAll, personBornOn, seededRandom, testContext, type TestContext } from './test-context.js';

/**
 * A service context with the sample plans and a simulated payment provider whose webhooks come
 * back into this context's intake, as a real provider's would: what the funding tests start from.
 */
export async function fundingContext(
  dialect: DialectName,
  options: { secret: string; gateway_seed?: string },
): Promise<{ context: TestContext; gateway: SimulatedGateway }> {
  const base = await testContext(dialect);
  const gateway: SimulatedGateway = new SimulatedGateway({
    secret: options.secret,
    clock: base.clock,
    random: seededRandom(options.gateway_seed ?? 'gateway'),
    deliver: async (rawBody, signature) => {
      await handleGatewayWebhook(context, rawBody, signature);
    },
  });
  const context: TestContext = { ...base, gateway };
  await ensureSamplePlans(context);
  return { context, gateway };
}

/** A member of the prepaid senior plan (born 1960), the n-th person of the test by `sequence`. */
export async function joinSeniorPlan(context: TestContext, sequence: number): Promise<bigint> {
  const person = personBornOn('1960-04-12', sequence);
  const [result] = await enrolMembers(context, [{ plan_id: 'senior-cancer', payer_user_id: null, person, answers: noToAll }]);
  if (!result!.ok) throw new Error(`join failed: ${result!.rejection.code}`);
  return result!.value.membership_id;
}
