import { createHmac } from 'node:crypto';
import { dirname, join } from 'node:path';
import { loadConfig } from '../config.js';
import { systemClock, type Clock } from '../services/clock.js';
import { cryptoRandom, type RandomSource, type ServiceContext } from '../services/context.js';
import { loadDataKey } from '../services/crypto/data-key.js';
import { FieldCipher } from '../services/crypto/field-cipher.js';
import type { PaymentGateway } from '../services/payments/payment-gateway.js';
import { SimulatedGateway } from '../services/payments/simulated-gateway.js';
import { handleGatewayWebhook } from '../services/payments/webhook-intake.js';
import { ensureSamplePlans } from '../services/plans.js';
import { parseDatabaseUrl } from '../store/database-url.js';
import { migrateToLatest, openStore, type Store } from '../store/store.js';

/**
 * Where the data key file lives when HUZHU_DATA_KEY is not set: next to the SQLite file (so a
 * database and its key travel together), else ./data/huzhu.key.
 */
export function dataKeyFileFor(databaseUrl: string): string {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.dialect === 'sqlite' && target.path !== ':memory:') return join(dirname(target.path), 'huzhu.key');
  return join('data', 'huzhu.key');
}

/** A number from the environment within [min, max], or the default when unset. */
function numberSetting(env: NodeJS.ProcessEnv, name: string, min: number, max: number, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`${name} must be a number from ${min} to ${max}, got ${JSON.stringify(text)}`);
  return value;
}

/**
 * The webhook secret of the simulated provider: HUZHU_GATEWAY_SECRET, else derived from the data
 * key, so it survives restarts (a webhook signed before one still verifies after) without more setup.
 */
function gatewaySecret(env: NodeJS.ProcessEnv, dataKey: Buffer): string | Buffer {
  const configured = env.HUZHU_GATEWAY_SECRET;
  return configured !== undefined && configured !== '' ? configured : createHmac('sha256', dataKey).update('huzhu simulated gateway webhook secret v1').digest();
}

/**
 * A ServiceContext on an open store, with everything else from the environment: the data key
 * (HUZHU_DATA_KEY, else the key file; created outside production, required in production), the
 * system clock, crypto randomness and the payment gateway. The gateway is the simulated provider
 * (HUZHU_GATEWAY_FAILURE_RATE 0–1, default 0; HUZHU_GATEWAY_DELAY_MS, default 0); its signed
 * webhooks go to handleGatewayWebhook in this process when `deliverPending()` is called on it.
 */
export function serviceContextFor(
  store: Store,
  env: NodeJS.ProcessEnv,
  overrides: { clock?: Clock; random?: RandomSource; gateway?: PaymentGateway } = {},
): ServiceContext {
  const config = loadConfig(env);
  const key = loadDataKey({ envKey: env.HUZHU_DATA_KEY, keyFile: dataKeyFileFor(config.databaseUrl), production: config.production });
  const clock = overrides.clock ?? systemClock;
  const random = overrides.random ?? cryptoRandom;
  const gateway =
    overrides.gateway ??
    new SimulatedGateway({
      secret: gatewaySecret(env, key),
      clock,
      random,
      failure_rate: numberSetting(env, 'HUZHU_GATEWAY_FAILURE_RATE', 0, 1, 0),
      delay_ms: numberSetting(env, 'HUZHU_GATEWAY_DELAY_MS', 0, 86_400_000, 0),
      deliver: async (rawBody, signature) => {
        await handleGatewayWebhook(context, rawBody, signature);
      },
    });
  const context: ServiceContext = { store, clock, cipher: new FieldCipher(key), random, gateway };
  return context;
}

/**
 * Opens DATABASE_URL, applies pending migrations, makes sure the sample plans exist, and gives a
 * context for one CLI command. The caller closes it (`context.store.close()`).
 */
export async function openCliContext(env: NodeJS.ProcessEnv, options: CliContextOptions = {}): Promise<ServiceContext> {
  const store = openStore(loadConfig(env).databaseUrl);
  try {
    await migrateToLatest(store);
    const context = serviceContextFor(store, env);
    if (options.samplePlans !== false) await ensureSamplePlans(context);
    return context;
  } catch (error) {
    await store.close();
    throw error;
  }
}

export interface CliContextOptions {
  /** False leaves creating the sample plans to the command (the demo backdates them). */
  readonly samplePlans?: boolean;
}

/** Runs one command's work on a fresh CLI context and always closes the store. */
export async function withCliContext<T>(env: NodeJS.ProcessEnv, work: (context: ServiceContext) => Promise<T>, options: CliContextOptions = {}): Promise<T> {
  const context = await openCliContext(env, options);
  try {
    return await work(context);
  } finally {
    await context.store.close();
  }
}
