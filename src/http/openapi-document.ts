import { buildApp } from './app.js';
import { systemClock } from '../services/clock.js';
import { cryptoRandom } from '../services/context.js';
import { FieldCipher } from '../services/crypto/field-cipher.js';
import { SimulatedGateway } from '../services/payments/simulated-gateway.js';
import { openStore } from '../store/store.js';

/**
 * The OpenAPI document of this build, made without a database or a key: the routes are registered
 * on an in-memory store that is never queried. The web app's typed client is generated from it.
 */
export async function openApiDocument(version: string): Promise<Record<string, unknown>> {
  const store = openStore('sqlite::memory:');
  const context = {
    store,
    clock: systemClock,
    cipher: new FieldCipher(Buffer.alloc(32)),
    random: cryptoRandom,
    gateway: new SimulatedGateway({ secret: 'openapi-document', clock: systemClock, random: cryptoRandom, deliver: async () => undefined }),
  };
  const app = await buildApp({ context, version, webRoot: false });
  try {
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await store.close();
  }
}
