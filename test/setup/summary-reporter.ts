import type { Reporter, TestModule } from 'vitest/node';

/** How many of the slowest test files the summary lists, so the suite's time stays visible. */
const SLOWEST_FILES_SHOWN = 12;

/**
 * Ends the run with the plain line `N passed, N failed, N skipped` that CI tooling reads, and
 * with the number of tests per backend, so the log shows the store suite ran on each.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const perBackend = new Map<string, number>();
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
        const backend = /\[(sqlite|postgres)\]/.exec(test.fullName)?.[1];
        if (backend !== undefined && state === 'passed') perBackend.set(backend, (perBackend.get(backend) ?? 0) + 1);
      }
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed += 1;
    }
    const slowest = [...testModules]
      .map((module) => ({ file: module.relativeModuleId, seconds: module.diagnostic().duration / 1000 }))
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, SLOWEST_FILES_SHOWN)
      .map(({ file, seconds }) => `  ${seconds.toFixed(1).padStart(7)} s  ${file}`)
      .join('\n');
    process.stdout.write(`\nslowest test files (tests and hooks):\n${slowest}\n`);
    const backends = [...perBackend].map(([name, count]) => `${name}: ${count} passed`).join(', ');
    process.stdout.write(`\nbackend tests: ${backends || 'none'}\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
