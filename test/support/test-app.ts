import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { fixedClock } from '../../src/services/clock.js';
import { createUser, ensureInitialAdmin } from '../../src/services/users.js';
import type { DialectName } from '../../src/store/schema.js';
import type { Store } from '../../src/store/store.js';
import { freshStore } from './test-stores.js';

export const adminPassword = 'admin-password-for-tests';
export const testNow = '2026-11-28T10:00:00.000Z';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly store: Store;
  /** Logs in and returns the Cookie header value. */
  login(username: string, password: string): Promise<string>;
  close(): Promise<void>;
}

/** An app on a fresh store with an admin, an operator and an auditor. */
export async function startTestApp(dialect: DialectName, options: { loginAttemptsPerMinute?: number } = {}): Promise<TestApp> {
  const store = await freshStore(dialect);
  const clock = fixedClock(testNow);
  await ensureInitialAdmin(store, testNow, adminPassword);
  await createUser(store, { username: 'olivia', display_name: 'Operator Olivia', password: 'operator-password', roles: ['operator'] }, testNow);
  await createUser(store, { username: 'audrey', display_name: 'Auditor Audrey', password: 'auditor-password', roles: ['auditor'] }, testNow);
  await createUser(store, { username: 'mei', display_name: 'Member Mei', password: 'member-password', roles: ['member'] }, testNow);
  const app = await buildApp({ store, clock, loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 1000 });
  return {
    app,
    store,
    async login(username, password) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'huzhu_session');
      if (cookie === undefined) throw new Error('no session cookie');
      return `huzhu_session=${cookie.value}`;
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}
