import { Command } from 'commander';
import { closureBenchCommand } from './closure-bench.js';
import { cycleBenchCommand } from './cycle-bench.js';
import { joinBenchCommand } from './join-bench.js';
import { ledgerBenchCommand } from './ledger-bench.js';
import { simulateBenchCommand } from './simulate-bench.js';
import { BenchFailure } from './ledger-setup.js';
import { votesBenchCommand } from './votes-bench.js';
import { webBenchCommand } from './web-bench.js';

/** Every benchmark is a subcommand: `npm run bench -- <name> [options]`. */
const benchmarks: readonly Command[] = [ledgerBenchCommand(), joinBenchCommand(), votesBenchCommand(), cycleBenchCommand(), closureBenchCommand(), webBenchCommand(), simulateBenchCommand()];

const program = new Command('bench')
  .usage('<name> [options]')
  .description('Huzhu benchmarks. Each prints one JSON line on stdout, with a ratio against a floor measured in the same run.')
  .showHelpAfterError()
  .addHelpText('after', '\nRun `npm run bench -- <name> --help` for a benchmark\'s options.');
for (const benchmark of benchmarks) program.addCommand(benchmark);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(error instanceof BenchFailure ? `bench failed: ${error.message}\n` : `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
// A driver handle left open by a failed run must not keep the process alive; stdout is synchronous for files and pipes.
process.exit();
