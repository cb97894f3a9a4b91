import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { formatMinorPlain } from '../core/money/index.js';
import cliProgress from 'cli-progress';
import type { CycleProgress } from '../services/cycles/cycle-rows.js';
import {
  cycleExportChunks,
  listCycles,
  memberCycleProof,
  runCycle,
  type CycleRunResult,
  type CycleSummary,
} from '../services/cycles/index.js';
import { cycleRunHooks } from './cycle-run-hooks.js';
import { withCliContext } from './cli-context.js';
import { runAction } from './command-errors.js';
import type { CliIo } from './program.js';

function jsonText(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item), 2);
}

function describeCycle(cycle: CycleSummary): string {
  const money = (minor: bigint | null) => (minor === null ? '–' : `${formatMinorPlain(minor, cycle.currency)} ${cycle.currency}`);
  return [
    cycle.cycle_id.padEnd(32),
    cycle.status.padEnd(10),
    `snapshot ${cycle.snapshot_at.slice(0, 10)}`,
    `members ${cycle.member_count ?? '–'}`,
    `cases ${cycle.case_count}`,
    `total ${money(cycle.total_minor)}`,
    `capped ${money(cycle.capped_total_minor)}`,
    `root ${cycle.merkle_root_hex ?? '–'}`,
  ].join('  ');
}

/**
 * Shows a run's steps as they start: a bar at a terminal, plain lines otherwise (a pipe, a log, the
 * crash test, which reads which step a killed run was in). Both go to stderr, so --json stays JSON.
 */
function stepDisplay(io: CliIo): { show: (progress: CycleProgress) => void; stop: () => void } {
  if (!io.stderrIsTTY) {
    return {
      show: (progress) => {
        if (progress.state !== 'started') return;
        io.err(`step ${progress.steps_done + 1}/${progress.steps_total}: ${progress.step} (${progress.cycle_id})`);
      },
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar({
    stream: process.stderr,
    format: 'cycle {cycle_id} [{bar}] {value}/{total} steps | {step}',
    hideCursor: true,
    clearOnComplete: true,
    fps: 5,
  });
  let started = false;
  return {
    show: (progress) => {
      const step = progress.state === 'started' ? progress.step : `${progress.step} done`;
      const payload = { cycle_id: progress.cycle_id, step };
      if (!started) bar.start(progress.steps_total, progress.steps_done, payload);
      else bar.update(progress.steps_done, payload);
      started = true;
    },
    stop: () => bar.stop(),
  };
}

function figuresLine(result: CycleRunResult): string {
  const cycle = result.cycle;
  return (
    `members ${cycle.member_count ?? 0}, total ${cycle.total_minor}, shares ${cycle.share_total_minor ?? 0}, ` +
    `capped ${cycle.capped_total_minor ?? 0}, root ${cycle.merkle_root_hex ?? '–'}`
  );
}

function runSummary(result: CycleRunResult): string {
  if (result.already_completed) {
    return `cycle ${result.cycle_id} was already completed on ${result.cycle.completed_at ?? '?'}: nothing to do`;
  }
  const steps = result.steps_run.join(', ') || 'nothing left to do';
  return `${result.resumed ? 'resumed' : 'ran'} cycle ${result.cycle_id} (${steps}): ${result.cycle.status}`;
}

export function registerCycleCommands(program: Command, io: CliIo): void {
  const cycle = program.command('cycle').description('Sharing cycles: run them, list them, export them for anyone to verify.');

  cycle
    .command('run')
    .description(
      'Run (or resume) the sharing cycle of a plan: snapshot of the covered members at the latest notice day not after --at, allocation, ' +
        'publication (Merkle root, signed header), charges, payout scheduling, collection and payout. Re-running after a crash finishes it; nothing is posted twice.\n' +
        'Each step is shown as it starts (a bar at a terminal, lines on stderr otherwise).\n' +
        "If the cycle of that notice day is already completed, it says so and prints the cycle's figures (exit 0): running again is always safe.\n" +
        'A time whose notice day is before the last cycle\'s snapshot is refused with CYCLE_NOT_DUE (exit 2, like every refusal).\n' +
        'Test hooks (the crash test; see README): HUZHU_CYCLE_KILL_AT=<step>:<point> or <step>#<n> (SIGKILL there, or after the n-th ' +
        'database statement of the step), HUZHU_CYCLE_COUNT_STATEMENTS=1 (print the statements of each step).',
    )
    .requiredOption('--plan <plan_id>', 'the plan')
    .option('--at <time>', 'ISO 8601 run time (default now); must not be in the future')
    .option('--json', 'print the result as JSON (already_completed true when there was nothing to do)')
    .action(async (options: { plan: string; at?: string; json?: boolean }) =>
      runAction(io, async () => {
        const hooks = cycleRunHooks(io.env);
        const display = stepDisplay(io);
        let result: CycleRunResult;
        try {
          result = await withCliContext(io.env, (context) =>
            runCycle(hooks.wrap(context), options.plan, {
              at: options.at,
              ...(hooks.failPoint === undefined ? {} : { failPoint: hooks.failPoint }),
              onProgress: (progress) => {
                hooks.enterPhase(progress.state === 'started' ? progress.step : `${progress.step}:after`);
                display.show(progress);
              },
            }),
          );
        } finally {
          display.stop();
          const count_line = hooks.countLine();
          if (count_line !== undefined) io.err(count_line);
        }
        if (options.json) {
          io.out(
            jsonText({
              cycle_id: result.cycle_id,
              resumed: result.resumed,
              already_completed: result.already_completed,
              steps_run: result.steps_run,
              status: result.cycle.status,
              member_count: result.cycle.member_count,
              total_minor: result.cycle.total_minor,
              share_total_minor: result.cycle.share_total_minor,
              capped_total_minor: result.cycle.capped_total_minor,
              merkle_root_hex: result.cycle.merkle_root_hex,
            }),
          );
          return;
        }
        io.out(runSummary(result));
        io.out(figuresLine(result));
      }),
    );

  cycle
    .command('list')
    .description('List the cycles, newest first.')
    .option('--plan <plan_id>', 'only this plan')
    .option('--json', 'print the cycles as JSON (money as strings of minor units)')
    .action(async (options: { plan?: string; json?: boolean }) =>
      runAction(io, async () => {
        const cycles = await withCliContext(io.env, (context) => listCycles(context, options.plan === undefined ? {} : { plan_id: options.plan }));
        if (options.json) io.out(jsonText(cycles));
        else if (cycles.length === 0) io.out('no cycles yet');
        else for (const item of cycles) io.out(describeCycle(item));
      }),
    );

  cycle
    .command('export')
    .description('Write the public JSON Lines export of a published cycle (signed header, then one line per covered member); check it with `huzhu verify`.')
    .argument('<cycle_id>', 'the cycle, e.g. critical-illness-20261207')
    .requiredOption('--out <file>', 'where to write the export')
    .action(async (cycle_id: string, options: { out: string }) =>
      runAction(io, async () => {
        let lines = 0;
        await withCliContext(io.env, async (context) => {
          const out = createWriteStream(options.out);
          try {
            for await (const chunk of cycleExportChunks(context, cycle_id)) {
              for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) lines += 1;
              if (!out.write(chunk)) await once(out, 'drain');
            }
          } finally {
            out.end();
            await once(out, 'close');
          }
        });
        io.out(`wrote ${options.out}: ${lines} lines`);
      }),
    );

  cycle
    .command('proof')
    .description("Write a member's share line and Merkle inclusion proof in a cycle (the file `huzhu verify --proof` reads).")
    .argument('<cycle_id>', 'the cycle')
    .requiredOption('--member <code>', 'the member code')
    .requiredOption('--out <file>', 'where to write the proof (JSON)')
    .action(async (cycle_id: string, options: { member: string; out: string }) =>
      runAction(io, async () => {
        const proof = await withCliContext(io.env, (context) => memberCycleProof(context, cycle_id, options.member));
        await writeFile(options.out, `${JSON.stringify(proof, null, 2)}\n`);
        io.out(`wrote ${options.out}: leaf ${proof.leaf_index} of ${proof.tree_size}, share ${proof.share_minor}`);
      }),
    );
}
