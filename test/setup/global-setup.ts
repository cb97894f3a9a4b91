import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../src/store/postgres/throwaway-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the PostgreSQL server for the tests, or '' when none could be started outside CI. */
    postgresUrl: string;
  }
}

let server: ThrowawayPostgres | undefined;

/**
 * Every test runs on SQLite and on PostgreSQL. With TEST_DATABASE_URL the tests use that server;
 * otherwise a throw-away cluster is started here and stopped afterwards. In CI a missing
 * PostgreSQL fails the run; on a developer machine it is reported loudly and its tests are skipped.
 */
export async function setup(project: TestProject) {
  const given = process.env.TEST_DATABASE_URL;
  if (given !== undefined && given !== '') {
    project.provide('postgresUrl', given);
    return;
  }
  try {
    server = await startThrowawayPostgres();
    project.provide('postgresUrl', server.url);
  } catch (error) {
    if (process.env.CI === 'true' || process.env.CI === '1') throw error;
    console.warn(`\n!!! PostgreSQL is not available, its tests are SKIPPED: ${(error as Error).message}\n`);
    project.provide('postgresUrl', '');
  }
}

export function teardown() {
  server?.stop();
}
