import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import type { MoneyRateLimit } from '../../src/http/money-rate-limit.js';
import type { CycleJobHooks } from '../../src/services/cycles/index.js';
import type { SimulationJobs } from '../../src/services/sustainability/simulation-jobs.js';
import { MemoryBlobStore } from '../../src/services/blobs/memory-blob-store.js';
import { ensureSamplePlans } from '../../src/services/plans.js';
import { createUser, ensureInitialAdmin } from '../../src/services/users.js';
import type { DialectName } from '../../src/store/schema.js';
import type { Store } from '../../src/store/store.js';
import { SimulatedGateway, type SimulatedGatewayOptions } from '../../src/services/payments/simulated-gateway.js';
import { handleGatewayWebhook } from '../../src/services/payments/webhook-intake.js';
import { seededRandom, testContext, type TestContext } from './test-context.js';

export const testWebhookSecret = 'whsec_test_app';

export const adminPassword = 'admin-password-for-tests';
export const testNow = '2026-11-28T10:00:00.000Z';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly store: Store;
  /** The services' context the app runs on: a fixed clock (set it to move time), test cipher and random bytes. */
  readonly context: TestContext;
  /** The simulated payment provider; its webhooks go to the services in-process when delivered. */
  readonly gateway: SimulatedGateway;
  /** Where the app keeps claim evidence, in memory. */
  readonly blobs: MemoryBlobStore;
  /** Logs in and returns the Cookie header value. */
  login(username: string, password: string): Promise<string>;
  /** Creates a user with these roles (password `<username>-password`) and returns their Cookie header value. */
  userWithRoles(username: string, roles: readonly string[]): Promise<string>;
  close(): Promise<void>;
}

/**
 * An app on a fresh store with an admin, an operator (olivia), an auditor (audrey) and a member
 * (mei); with `samplePlans`, also the two sample plans of DESIGN.md.
 */
export async function startTestApp(
  dialect: DialectName,
  options: {
    loginAttemptsPerMinute?: number;
    samplePlans?: boolean;
    moneyRateLimit?: MoneyRateLimit;
    cycleJobHooks?: CycleJobHooks;
    /** Made on the app's context (a test waits for its runs); by default the app makes its own. */
    simulationJobs?: (context: TestContext) => SimulationJobs;
    /** Decides the simulated provider's outcomes by request (a test that fails chosen payments). */
    gatewayDecide?: SimulatedGatewayOptions['decide'];
  } = {},
): Promise<TestApp> {
  const base = await testContext(dialect, { now: testNow });
  const gateway = new SimulatedGateway({
    secret: testWebhookSecret,
    clock: base.clock,
    random: seededRandom('test-app-gateway'),
    ...(options.gatewayDecide === undefined ? {} : { decide: options.gatewayDecide }),
    deliver: async (rawBody, signature) => {
      await handleGatewayWebhook(context, rawBody, signature);
    },
  });
  const context: TestContext = { ...base, gateway };
  const { store } = context;
  await ensureInitialAdmin(store, testNow, adminPassword);
  await createUser(store, { username: 'olivia', display_name: 'Operator Olivia', password: 'operator-password', roles: ['operator'] }, testNow);
  await createUser(store, { username: 'audrey', display_name: 'Auditor Audrey', password: 'auditor-password', roles: ['auditor'] }, testNow);
  await createUser(store, { username: 'mei', display_name: 'Member Mei', password: 'member-password', roles: ['member'] }, testNow);
  if (options.samplePlans) await ensureSamplePlans(context);
  const blobs = new MemoryBlobStore();
  // Tests make many requests quickly; the ones about the limits pass their own.
  const moneyRateLimit = options.moneyRateLimit ?? { max: 1000, time_window_ms: 60_000 };
  const app = await buildApp({
    context,
    loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 1000,
    moneyRateLimit,
    blobStore: blobs,
    ...(options.cycleJobHooks === undefined ? {} : { cycleJobHooks: options.cycleJobHooks }),
    ...(options.simulationJobs === undefined ? {} : { simulationJobs: options.simulationJobs(context) }),
  });
  const login = async (username: string, password: string) => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'huzhu_session');
    if (cookie === undefined) throw new Error('no session cookie');
    return `huzhu_session=${cookie.value}`;
  };
  return {
    app,
    store,
    context,
    gateway,
    blobs,
    login,
    async userWithRoles(username, roles) {
      await createUser(store, { username, display_name: username, password: `${username}-password`, roles }, testNow);
      return login(username, `${username}-password`);
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}
