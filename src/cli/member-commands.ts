import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import cliProgress from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import { reject, RejectionError } from '../core/rejection.js';
import { importMembers, maxImportBatch, optionalColumns, refusalCsvHeader, refusalCsvLine, requiredColumns, type ImportRefusal, type ImportSummary } from '../services/member-import.js';
import { describeTarget } from '../store/database-url.js';
import { withCliContext } from './cli-context.js';
import { runAction } from './command-errors.js';
import type { CliIo } from './program.js';

function batchSize(value: string): number {
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1 || size > maxImportBatch) throw new InvalidArgumentError(`a whole number from 1 to ${maxImportBatch}`);
  return size;
}

/** The --errors file: one CSV line per refused line, written with backpressure. */
class ErrorFile {
  readonly #stream: WriteStream;
  private constructor(stream: WriteStream) {
    this.#stream = stream;
  }

  static async open(path: string): Promise<ErrorFile> {
    const stream = createWriteStream(path, { encoding: 'utf8' });
    await once(stream, 'open');
    const file = new ErrorFile(stream);
    await file.write(refusalCsvHeader);
    return file;
  }

  async write(line: string): Promise<void> {
    if (!this.#stream.write(`${line}\n`)) await once(this.#stream, 'drain');
  }

  async close(): Promise<void> {
    this.#stream.end();
    await once(this.#stream, 'finish');
  }
}

export interface ImportCommandOptions {
  readonly plan?: string;
  readonly errors?: string;
  readonly batch: number;
}

async function runImport(io: CliIo, file: string, options: ImportCommandOptions): Promise<void> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    size = info.size;
  } catch {
    throw new RejectionError(reject('CLI_BAD_FILE', `${file}: no such file`).rejection);
  }
  await withCliContext(io.env, async (context) => {
    const errors = options.errors === undefined ? undefined : await ErrorFile.open(options.errors);
    // The bar is for people at a terminal; in a pipe or a log it would be noise.
    const bars = io.stderrIsTTY
      ? new cliProgress.MultiBar({
          stream: process.stderr,
          format: 'importing [{bar}] {percentage}% | {lines} lines: {imported} imported, {refused} refused | ETA {eta_formatted}',
          hideCursor: true,
          clearOnComplete: true,
          fps: 5,
        })
      : undefined;
    const bar = bars?.create(Math.max(size, 1), 0, { lines: 0, imported: 0, refused: 0 });
    const say = (line: string) => (bars === undefined ? io.err(line) : bars.log(`${line}\n`));
    let summary: ImportSummary;
    try {
      summary = await importMembers(context, createReadStream(file), {
        ...(options.plan === undefined ? {} : { plan_id: options.plan }),
        batch_size: options.batch,
        onRefused: async (refusal: ImportRefusal) => {
          say(`line ${refusal.line}: ${refusal.code}: ${refusal.message}`);
          await errors?.write(refusalCsvLine(refusal));
        },
        onProgress: (progress) => bar?.update(progress.bytes, { lines: progress.lines, imported: progress.imported, refused: progress.refused }),
      });
    } finally {
      bars?.stop();
      await errors?.close();
    }
    io.out(
      `imported ${summary.imported}, refused ${summary.refused} (${summary.lines} lines from ${file} into ${describeTarget(context.store.target)})` +
        (summary.refused > 0 && options.errors !== undefined ? `; refused lines are listed in ${options.errors}` : ''),
    );
    io.setExitCode(summary.imported === 0 ? 1 : 0);
  });
}

export function registerMemberCommands(program: Command, io: CliIo): void {
  const member = program.command('member').description('Members and their memberships.');
  member
    .command('import')
    .description(
      'Join many people to plans from a CSV file (UTF-8, header line first). Good lines are kept; each refused line is reported\n' +
        'with its line number, code and reason on stderr (and in --errors FILE as CSV).\n' +
        `Columns: ${[...optionalColumns, ...requiredColumns].join(', ')}, and one per health question code (HQ-CANCER, …).\n` +
        '  plan_id       optional with --plan (a filled cell wins)\n' +
        '  birth_date    YYYY-MM-DD; with gender (female/male, 女/男) it must agree with id_number\n' +
        '  relationship  self (default), spouse, child, parent, other (本人/配偶/子女/父母/其他)\n' +
        '  HQ-…          yes/no, 是/否, true/false, 1/0; a "yes" refuses joining; every question of the plan must be answered\n' +
        'Exit status: 0 when the file was processed (even with refused lines), 1 when no line could be imported, 2 on an error.',
    )
    .argument('<csv>', 'the CSV file')
    .option('--plan <id>', 'plan for lines without a plan_id')
    .option('--errors <file>', 'also write refused lines to this CSV file (line,code,message)')
    .option('--batch <size>', 'lines per database transaction', batchSize, 1000)
    .action(async (file: string, options: ImportCommandOptions) => runAction(io, () => runImport(io, file, options)));
}
