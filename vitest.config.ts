import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/setup/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // CI shows each test so the log proves the store suite ran on every backend.
    reporters: [process.env.CI ? 'verbose' : 'default', './test/setup/summary-reporter.ts'],
  },
});
