import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/setup/global-setup.ts'],
    // Most of the suite's time is spent waiting on Chromium, PostgreSQL and child processes, not on
    // this process: at least two files run at once even on two cores (vitest's default is cores - 1).
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // CI shows each test so the log proves the store suite ran on every backend.
    reporters: [process.env.CI ? 'verbose' : 'default', './test/setup/summary-reporter.ts'],
  },
});
