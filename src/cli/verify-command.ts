import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
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

function refuse(code: 'CLI_BAD_FILE' | 'CLI_BAD_OPTION' | 'PROOF_BAD_FORMAT', message: string): never {
  throw new RejectionError(reject(code, message).rejection);
}

function fileError(path: string, error: unknown): never {
  const code = (error as NodeJS.ErrnoException).code;
  refuse('CLI_BAD_FILE', `${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message}`);
}

async function readProof(path: string): Promise<MemberProof> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    fileError(path, error);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    refuse('CLI_BAD_FILE', `${path}: not valid JSON (${(error as Error).message})`);
  }
  const proof = parseMemberProof(json);
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
        'With --proof, also check one member\'s inclusion proof against the export. ' +
        'Exit status 0 when all holds, 1 when anything differs (each difference is printed), 2 on an error (missing file, bad proof file).',
    )
    .argument('<export>', 'the cycle export file, e.g. from `huzhu cycle export`')
    .option('--member <code>', 'the member code the proof must be for (default: the member named in the proof)')
    .option('--proof <file>', 'a member\'s proof file (huzhu-proof/1 JSON) to check against the export')
    .option('--public-key <hex>', 'the operator\'s published ed25519 public key (64 hex digits); the export must be signed with it')
    .option('--json', 'print the full report as JSON')
    .action(async (path: string, options: VerifyCommandOptions) =>
      runAction(io, async () => {
        if (options.member !== undefined && options.proof === undefined) refuse('CLI_BAD_OPTION', '--member needs --proof <file>');
        if (options.publicKey !== undefined && !/^[0-9a-fA-F]{64}$/.test(options.publicKey)) {
          refuse('CLI_BAD_OPTION', '--public-key is not 64 hex digits (a raw ed25519 public key)');
        }
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
