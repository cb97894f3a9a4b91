import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { dirname, join } from 'node:path';
import type { BlobStore } from '../services/blobs/blob-store.js';
import { LocalBlobStore } from '../services/blobs/local-blob-store.js';
import { MemoryBlobStore } from '../services/blobs/memory-blob-store.js';
import type { ServiceContext } from '../services/context.js';
import type { Store } from '../store/store.js';
import { installSessionLookup } from './auth.js';
import { installErrorHandling, sendNotFound } from './error-handler.js';
import { installMetrics } from './metrics.js';
import type { MoneyRateLimit } from './money-rate-limit.js';
import { accountRoutes } from './routes/account-routes.js';
import { authRoutes } from './routes/auth-routes.js';
import { claimQueueRoutes } from './routes/claim-queue-routes.js';
import { claimRoutes } from './routes/claim-routes.js';
import { closureRoutes } from './routes/closure-routes.js';
import { transferOfferRoutes } from './routes/transfer-offer-routes.js';
import { reconciliationRoutes } from './routes/reconciliation-routes.js';
import { fundingRoutes } from './routes/funding-routes.js';
import { governanceRoutes } from './routes/governance-routes.js';
import { complaintRoutes } from './routes/complaint-routes.js';
import { operatorInfoRoutes } from './routes/operator-info-routes.js';
import { paymentWebhookRoutes } from './routes/payment-webhook-routes.js';
import { operatorRoutes } from './routes/operator-routes.js';
import { payoutRoutes } from './routes/payout-routes.js';
import { healthRoutes, type StartupState } from './routes/health-routes.js';
import { cycleRoutes } from './routes/cycle-routes.js';
import { exportRoutes } from './routes/export-routes.js';
import { CycleJobs, type CycleJobHooks } from '../services/cycles/index.js';
import { juryRoutes } from './routes/jury-routes.js';
import { ledgerRoutes } from './routes/ledger-routes.js';
import { memberMoneyRoutes } from './routes/member-money-routes.js';
import { memberRoutes } from './routes/member-routes.js';
import { membershipRoutes } from './routes/membership-routes.js';
import { notificationRoutes } from './routes/notification-routes.js';
import { objectionRoutes } from './routes/objection-routes.js';
import { personRoutes } from './routes/person-routes.js';
import { planRoutes } from './routes/plan-routes.js';
import { publicCaseRoutes } from './routes/public-case-routes.js';
import { publicStatisticsRoutes } from './routes/public-statistics-routes.js';
import { reportRoutes } from './routes/report-routes.js';
import { simulationRoutes } from './routes/simulation-routes.js';
import { sustainabilityRoutes } from './routes/sustainability-routes.js';
import { SimulationJobs } from '../services/sustainability/simulation-jobs.js';
import { defaultWebRoot, installWebApp } from './web-app.js';

export interface AppOptions {
  /** The store, clock, personal-data cipher, randomness and payment port the routes' services use. */
  readonly context: ServiceContext;
  /** A pino logger; none in tests. */
  readonly logger?: FastifyServerOptions['loggerInstance'];
  /** Set the Secure flag on cookies (behind HTTPS). */
  readonly secureCookies?: boolean;
  readonly loginAttemptsPerMinute?: number;
  /** HUZHU_ENV=production: no dev mailbox (its route does not exist) and no one-time code in the log. */
  readonly production?: boolean;
  /** Top-ups and wallet refunds one user may ask for per window (money-rate-limit.ts). */
  readonly moneyRateLimit?: MoneyRateLimit;
  readonly version?: string;
  /** Until this returns undefined, /readyz answers 503 with its reason. */
  readonly startup?: StartupState;
  /** Where claim evidence is kept; by default blobs/ next to the SQLite file (see defaultBlobStore). */
  readonly blobStore?: BlobStore;
  /** Test hooks of the cycle jobs (a fail point that holds a run where a test wants to see it running). */
  readonly cycleJobHooks?: CycleJobHooks;
  /** The cycle jobs the routes start and read; `serve` shares them with its schedule, so the two join each other's runs. */
  readonly cycleJobs?: CycleJobs;
  /** The simulation runs the routes ask for and read; `serve` makes them first, to mark runs a crash left unfinished. */
  readonly simulationJobs?: SimulationJobs;
  /** The built web app served at `/` (default dist/web); `false` serves the API alone. */
  readonly webRoot?: string | false;
}

/**
 * Evidence next to the database: `<dir of the SQLite file>/blobs`; for PostgreSQL ./data/blobs;
 * in memory for an in-memory SQLite database (tests), whose data vanishes with it anyway.
 */
export function defaultBlobStore(store: Store): BlobStore {
  if (store.target.dialect === 'sqlite') {
    return store.target.path === ':memory:' ? new MemoryBlobStore() : new LocalBlobStore(join(dirname(store.target.path), 'blobs'));
  }
  return new LocalBlobStore(join('data', 'blobs'));
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger === undefined ? { logger: false } : { loggerInstance: options.logger }),
    bodyLimit: 1024 * 1024,
    // Client-chosen request ids are not trusted; ours go into every log line.
    genReqId: () => crypto.randomUUID(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  const registry = installMetrics(app);

  await app.register(helmet, {
    // Swagger UI needs inline styles and scripts; the API itself serves JSON only.
    // The web app's verifier runs in a Web Worker from its own origin.
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'", "'unsafe-inline'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'worker-src': ["'self'", 'blob:'],
        // The claims workbench shows evidence PDFs in a frame of this origin (the file's own
        // response narrows its CSP further); <object> and other origins' frames stay refused.
        'frame-src': ["'self'"],
        // Only behind HTTPS: over plain HTTP on a LAN address it would send the app's own files to https://.
        'upgrade-insecure-requests': options.secureCookies === true ? [] : null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: `Too many attempts; try again in ${context.after}.`,
    }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Huzhu API',
        description:
          'Huzhu runs online mutual aid plans. Money is an integer number of minor units (fen for CNY) sent as a string of digits in fields ending `_minor`. Every error is `{"error":{"code","message","details"}}` with a stable code. Every request that moves money takes an `Idempotency-Key` header: a retry with the same key and request gets the first answer (marked `Idempotent-Replayed: true`), the same key with another request is refused (409 IDEMPOTENCY_KEY_REUSED).',
        version: options.version ?? '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'huzhu_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const { context } = options;
  const blobStore = options.blobStore ?? defaultBlobStore(context.store);
  installSessionLookup(app, context.store, context.clock);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  healthRoutes(app, context.store, registry, options.startup);
  authRoutes(app, context.store, context.clock, {
    secureCookies: options.secureCookies ?? false,
    loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 10,
    context,
  });
  // Sign-up, its code and resend, password reset: per client IP as many attempts as a login.
  accountRoutes(app, context, {
    secureCookies: options.secureCookies ?? false,
    attemptsPerMinute: options.loginAttemptsPerMinute ?? 10,
    production: options.production ?? false,
  });
  ledgerRoutes(app, context.store, context.clock);
  planRoutes(app, context);
  memberRoutes(app, context);
  membershipRoutes(app, context);
  personRoutes(app, context);
  notificationRoutes(app, context);
  fundingRoutes(app, context, options.moneyRateLimit);
  memberMoneyRoutes(app, context, options.moneyRateLimit);
  await claimRoutes(app, context, blobStore);
  claimQueueRoutes(app, context, blobStore);
  objectionRoutes(app, context);
  publicCaseRoutes(app, context);
  juryRoutes(app, context);
  cycleRoutes(app, context, options.cycleJobs ?? new CycleJobs(context, options.cycleJobHooks));
  publicStatisticsRoutes(app, context);
  payoutRoutes(app, context);
  operatorRoutes(app, context);
  sustainabilityRoutes(app, context);
  reconciliationRoutes(app, context);
  governanceRoutes(app, context);
  const simulationJobs = options.simulationJobs ?? new SimulationJobs(context);
  // Closing waits for the runs of this process, so none writes to a closed store.
  app.addHook('onClose', async () => simulationJobs.settled());
  simulationRoutes(app, context, simulationJobs);
  exportRoutes(app, context);
  reportRoutes(app, context);
  closureRoutes(app, context);
  transferOfferRoutes(app, context);
  complaintRoutes(app, context);
  operatorInfoRoutes(app, context);
  await paymentWebhookRoutes(app, context);
  const webRoot = options.webRoot ?? defaultWebRoot;
  if (webRoot === false || !(await installWebApp(app, webRoot, sendNotFound))) app.setNotFoundHandler(sendNotFound);
  await app.ready();
  return app;
}
