import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { formatMinorPlain } from '../core/money/index.js';
import { cycleExportChunks, listCycles, memberCycleProof, runCycle, type CycleSummary } from '../services/cycles/index.js';
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

/** Kills this process at a named point of a cycle run: how the crash test interrupts runs. */
function killAt(env: NodeJS.ProcessEnv): ((name: string) => void) | undefined {
  const point = env.HUZHU_CYCLE_KILL_AT;
  if (point === undefined || point === '') return undefined;
  return (name) => {
    if (name === point) process.kill(process.pid, 'SIGKILL');
  };
}

export function registerCycleCommands(program: Command, io: CliIo): void {
  const cycle = program.command('cycle').description('Sharing cycles: run them, list them, export them for anyone to verify.');

  cycle
    .command('run')
    .description(
      'Run (or resume) the sharing cycle of a plan: snapshot of the covered members at the latest notice day not after --at, allocation, ' +
        'publication (Merkle root, signed header), charges, payout scheduling, collection and payout. Re-running after a crash finishes it; nothing is posted twice.',
    )
    .requiredOption('--plan <plan_id>', 'the plan')
    .option('--at <time>', 'ISO 8601 run time (default now); must not be in the future')
    .option('--json', 'print the result as JSON')
    .action(async (options: { plan: string; at?: string; json?: boolean }) =>
      runAction(io, async () => {
        const failPoint = killAt(io.env);
        const result = await withCliContext(io.env, (context) => runCycle(context, options.plan, { at: options.at, ...(failPoint === undefined ? {} : { failPoint }) }));
        if (options.json) {
          io.out(jsonText({ cycle_id: result.cycle_id, resumed: result.resumed, steps_run: result.steps_run, status: result.cycle.status, merkle_root_hex: result.cycle.merkle_root_hex }));
          return;
        }
        io.out(`${result.resumed ? 'resumed' : 'ran'} cycle ${result.cycle_id} (${result.steps_run.join(', ') || 'nothing left to do'}): ${result.cycle.status}`);
        io.out(`members ${result.cycle.member_count ?? 0}, total ${result.cycle.total_minor}, shares ${result.cycle.share_total_minor ?? 0}, capped ${result.cycle.capped_total_minor ?? 0}, root ${result.cycle.merkle_root_hex ?? '–'}`);
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
