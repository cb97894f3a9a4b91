import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { isClosureHeader } from '../core/closure/closure-report.js';
import { ClosureReportStream, parseClosureProof, type ClosureMemberProof, type ClosureVerifyReport } from '../core/closure/closure-verifier.js';
import type { Command } from 'commander';
import {
  CycleExportVerifier,
  ExportLineSplitter,
  parseMemberProof,
  type MemberProof,
  type VerifyReport,
} from '../core/cycles/export-verifier.js';
import { reject, RejectionError } from '../core/rejection.js';
import { runAction } from './command-errors.js';
import type { CliIo } from './program.js';

interface VerifyCommandOptions {
  member?: string;
  proof?: string;
  publicKey?: string;
  json?: boolean;
}

function refuse(code: 'CLI_BAD_FILE' | 'CLI_BAD_OPTION' | 'PROOF_BAD_FORMAT' | 'CLOSURE_PROOF_BAD_FORMAT', message: string): never {
  throw new RejectionError(reject(code, message).rejection);
}

function fileError(path: string, error: unknown): never {
  const code = (error as NodeJS.ErrnoException).code;
  refuse('CLI_BAD_FILE', `${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message}`);
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    fileError(path, error);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    refuse('CLI_BAD_FILE', `${path}: not valid JSON (${(error as Error).message})`);
  }
}

async function readProof(path: string): Promise<MemberProof> {
  const proof = parseMemberProof(await readJson(path));
  if (!proof.ok) refuse('PROOF_BAD_FORMAT', `${path}: ${proof.rejection.message}`);
  return proof.value;
}

/** Streams the file through the verifier: memory stays small however many members it lists. */
async function verifyFile(path: string, verifier: CycleExportVerifier): Promise<VerifyReport> {
  const splitter = new ExportLineSplitter(verifier);
  try {
    for await (const chunk of createReadStream(path)) splitter.push(chunk as Buffer);
  } catch (error) {
    fileError(path, error);
  }
  return splitter.end();
}

async function readClosureProof(path: string): Promise<ClosureMemberProof> {
  const proof = parseClosureProof(await readJson(path));
  if (!proof.ok) refuse('CLOSURE_PROOF_BAD_FORMAT', `${path}: ${proof.rejection.message}`);
  return proof.value;
}

/** The first line is enough to tell the formats apart; a header is far below this size. */
const FORMAT_PEEK_BYTES = 64 * 1024;

async function isClosureReportFile(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    fileError(path, error);
  }
  try {
    const buffer = Buffer.alloc(FORMAT_PEEK_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, FORMAT_PEEK_BYTES, 0);
    const head = buffer.subarray(0, bytesRead);
    const newline = head.indexOf(0x0a);
    return isClosureHeader(head.subarray(0, newline === -1 ? head.length : newline).toString('utf8'));
  } catch (error) {
    fileError(path, error);
  } finally {
    await handle.close();
  }
}

/** Streams a closure report through its verifier, as a cycle export is: memory stays small however many memberships it lists. */
async function verifyClosureFile(path: string, options: VerifyCommandOptions): Promise<ClosureVerifyReport> {
  const proof = options.proof === undefined ? undefined : await readClosureProof(options.proof);
  const member_code = options.member ?? proof?.member_code;
  const stream = new ClosureReportStream({
    ...(options.publicKey === undefined ? {} : { public_key_hex: options.publicKey.toLowerCase() }),
    ...(member_code === undefined ? {} : { member: { member_code, ...(proof === undefined ? {} : { proof }) } }),
  });
  try {
    for await (const chunk of createReadStream(path)) stream.push(chunk as Buffer);
  } catch (error) {
    fileError(path, error);
  }
  return stream.end();
}

function printClosureReport(io: CliIo, report: ClosureVerifyReport): void {
  const header = report.header;
  if (report.ok && header !== null) {
    io.out(
      `OK closure of plan ${header.plan_id} on ${header.closure_date}: ${report.member_count} memberships, wallets ${header.wallet_total_minor}, ` +
        `refunded ${header.refunded_total_minor}, unclaimed ${header.unclaimed_total_minor}, custody after ${header.custody_after_minor} (minor units), root ${report.merkle_root_hex ?? '?'}`,
    );
    const member = report.member;
    if (member !== null) {
      io.out(
        `member ${member.member_code}: wallet ${member.wallet_at_closure_minor}, refunded ${member.refunded_minor}, unclaimed ${member.unclaimed_minor} (minor units) is leaf ${member.leaf_index}, proven in the root`,
      );
    }
    return;
  }
  io.out(`FAILED closure of plan ${report.plan_id ?? '?'}`);
  for (const difference of report.differences) io.out(`  ${difference}`);
}

function printReport(io: CliIo, path: string, report: VerifyReport): void {
  if (report.ok) {
    io.out(`OK cycle ${report.cycle_id ?? '?'}: ${report.member_count} members, root ${report.merkle_root_hex ?? '?'}`);
    const member = report.member;
    if (member !== null) io.out(`member ${member.member_code}: share ${member.share_minor} (minor units) is leaf ${member.leaf_index}, proven in the root`);
    return;
  }
  io.out(report.cycle_id === null ? `FAILED cycle ? (${path} has no readable header)` : `FAILED cycle ${report.cycle_id}`);
  for (const difference of report.differences) io.out(`  ${difference}`);
}

export function registerVerifyCommand(program: Command, io: CliIo): void {
  program
    .command('verify')
    .description(
      'Recompute a published cycle export (JSON Lines) from itself, without the database: the seed, fee and totals, every member\'s share ' +
        'and cap, who got the leftover units, the sums, the Merkle root, the SHA-256 of the member lines, the operator\'s ed25519 signature, and that every line is canonical.\n' +
        'A closing cycle (huzhu-cycle/2: after a plan\'s close, no member left) has no member line and says in operator_paid_minor that the operator paid its whole total, without a fee; that is checked too.\n' +
        'With --proof, also check one member\'s inclusion proof against the export.\n' +
        'A plan\'s closure report (huzhu-closure/1, told by its header) is checked the same way: every field, refunded + unclaimed = wallet at closure ' +
        'on each line and in the totals, custody before and after, the root, the lines hash and the signature; with --member <code> (and optionally ' +
        '--proof <file>, a huzhu-closure-proof/1), that member\'s line and its proof. ' +
        'Exit status 0 when all holds, 1 when anything differs (each difference is printed), 2 on an error (missing file, bad proof file).',
    )
    .argument('<export>', 'the cycle export file (e.g. from `huzhu cycle export`) or a closure report file')
    .option('--member <code>', 'the member code the proof must be for (default: the member named in the proof); for a closure report, the member whose line to check')
    .option('--proof <file>', 'a member\'s proof file (huzhu-proof/1 JSON) to check against the export')
    .option('--public-key <hex>', 'the operator\'s published ed25519 public key (64 hex digits); the export must be signed with it')
    .option('--json', 'print the full report as JSON')
    .action(async (path: string, options: VerifyCommandOptions) =>
      runAction(io, async () => {
        if (options.publicKey !== undefined && !/^[0-9a-fA-F]{64}$/.test(options.publicKey)) {
          refuse('CLI_BAD_OPTION', '--public-key is not 64 hex digits (a raw ed25519 public key)');
        }
        if (await isClosureReportFile(path)) {
          const report = await verifyClosureFile(path, options);
          if (options.json) io.out(JSON.stringify(report, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value), 2));
          else printClosureReport(io, report);
          io.setExitCode(report.ok ? 0 : 1);
          return;
        }
        if (options.member !== undefined && options.proof === undefined) refuse('CLI_BAD_OPTION', '--member needs --proof <file>');
        const proof = options.proof === undefined ? undefined : await readProof(options.proof);
        const verifier = new CycleExportVerifier({
          ...(options.publicKey === undefined ? {} : { public_key_hex: options.publicKey.toLowerCase() }),
          ...(proof === undefined ? {} : { member: { member_code: options.member ?? proof.member_code, proof } }),
        });
        const report = await verifyFile(path, verifier);
        if (options.json) io.out(JSON.stringify(report, null, 2));
        else printReport(io, path, report);
        io.setExitCode(report.ok ? 0 : 1);
      }),
    );
}
