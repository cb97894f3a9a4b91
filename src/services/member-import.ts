import type { Readable } from 'node:stream';
import { parse, type CsvError, type Parser } from 'csv-parse';
import { reject, RejectionError, type Rejection } from '../core/rejection.js';
import type { ServiceContext } from './context.js';
import { enrolMembers, relationships, type EnrolInput, type PersonInput } from './members.js';
import { findPlan, versionAt, type Plan } from './plans.js';

/**
 * Bulk joining from a CSV file: streamed, validated line by line, enrolled in bounded batches
 * through `enrolMembers`. Memory does not grow with the file: at most one batch of lines (and a
 * few plans) is held at a time, and refused lines are handed to the caller as they are found.
 *
 * The header names the columns: plan_id (optional when a default plan is given), name, id_number,
 * birth_date, gender, province, phone, relationship (optional, default self), and one column per
 * health question code (HQ-…), answered yes/no/是/否/true/false/1/0.
 */

export const requiredColumns = ['name', 'id_number', 'birth_date', 'gender', 'province', 'phone'] as const;
export const optionalColumns = ['plan_id', 'relationship'] as const;
const questionColumnPattern = /^[A-Z0-9][A-Z0-9-]{0,31}$/;

export const maxImportBatch = 10_000;
/** Fields longer than this are not personal data anyone has; csv-parse stops there instead of buffering a runaway quote. */
const maxRecordCharacters = 64 * 1024;

export interface ImportRefusal {
  /** Line number in the file (the header is line 1). */
  readonly line: number;
  readonly code: string;
  readonly message: string;
}

export interface ImportProgress {
  /** Bytes of the file read so far (for a progress bar against the file size). */
  readonly bytes: number;
  readonly lines: number;
  readonly imported: number;
  readonly refused: number;
}

export interface ImportSummary {
  /** Data lines seen (the header and blank lines not counted). */
  readonly lines: number;
  readonly imported: number;
  readonly refused: number;
}

export interface ImportOptions {
  /** Plan for lines whose plan_id is empty (or for a file without that column). */
  readonly plan_id?: string;
  /** Lines per enrolMembers call (one database transaction). */
  readonly batch_size?: number;
  readonly payer_user_id?: bigint | null;
  readonly demo?: boolean;
  /** Called once per refused line, in line order; awaited (so a slow sink slows the import, not memory). */
  onRefused?(refusal: ImportRefusal): void | Promise<void>;
  /** Called after every batch. */
  onProgress?(progress: ImportProgress): void;
}

const answerValues: Readonly<Record<string, boolean>> = {
  yes: true, y: true, true: true, '1': true, 是: true, 有: true,
  no: false, n: false, false: false, '0': false, 否: false, 无: false, 没有: false,
};

const genderValues: Readonly<Record<string, 'female' | 'male'>> = {
  female: 'female', f: 'female', 女: 'female',
  male: 'male', m: 'male', 男: 'male',
};

const relationshipValues: Readonly<Record<string, string>> = {
  ...Object.fromEntries(relationships.map((relationship) => [relationship, relationship])),
  本人: 'self', 配偶: 'spouse', 子女: 'child', 父母: 'parent', 其他: 'other',
};

interface Header {
  readonly index: Readonly<Record<(typeof requiredColumns)[number] | (typeof optionalColumns)[number], number | undefined>>;
  /** Health question code → column index. */
  readonly questions: ReadonlyMap<string, number>;
  readonly width: number;
}

function fatal(code: string, message: string, details?: Record<string, unknown>): never {
  throw new RejectionError(reject(code, message, details).rejection);
}

/** Checks the header line; a bad header stops the import before anything is written. */
export function readHeader(fields: readonly string[], defaultPlan: string | undefined): Header {
  const index: Record<string, number | undefined> = {};
  const questions = new Map<string, number>();
  const seen = new Set<string>();
  for (const [position, raw] of fields.entries()) {
    const name = raw.trim();
    if (name === '') fatal('IMPORT_BAD_HEADER', `Column ${position + 1} of the header has no name.`);
    if (seen.has(name)) fatal('IMPORT_BAD_HEADER', `The column ${name} appears twice in the header.`);
    seen.add(name);
    if ((requiredColumns as readonly string[]).includes(name) || (optionalColumns as readonly string[]).includes(name)) index[name] = position;
    else if (questionColumnPattern.test(name)) questions.set(name, position);
    else {
      fatal(
        'IMPORT_BAD_HEADER',
        `Unknown column ${JSON.stringify(name)}; the columns are ${[...optionalColumns, ...requiredColumns].join(', ')} and one per health question code (e.g. HQ-CANCER).`,
      );
    }
  }
  const missing = requiredColumns.filter((name) => index[name] === undefined);
  if (missing.length > 0) fatal('IMPORT_BAD_HEADER', `The header lacks the column(s) ${missing.join(', ')}.`, { missing });
  if (index.plan_id === undefined && defaultPlan === undefined) fatal('IMPORT_BAD_HEADER', 'The file has no plan_id column; name the plan with --plan.');
  return { index: index as Header['index'], questions, width: fields.length };
}

type LineOutcome = { readonly ok: true; readonly input: EnrolInput } | { readonly ok: false; readonly rejection: Rejection };

/**
 * Plans by id, for their health questions. Bounded: a file naming many unknown plans cannot grow
 * it without limit.
 */
class PlanCache {
  readonly #plans = new Map<string, Plan | undefined>();
  constructor(private readonly context: ServiceContext) {}

  async get(plan_id: string): Promise<Plan | undefined> {
    if (this.#plans.has(plan_id)) return this.#plans.get(plan_id);
    if (this.#plans.size >= 256) this.#plans.clear();
    const plan = await findPlan(this.context, plan_id);
    this.#plans.set(plan_id, plan);
    return plan;
  }
}

/** Turns one CSV record into an enrolment, or a refusal with a stable code. */
async function readLine(record: readonly string[], header: Header, options: ImportOptions, plans: PlanCache, now: string): Promise<LineOutcome> {
  if (record.length !== header.width) {
    return reject('IMPORT_BAD_COLUMN_COUNT', `The line has ${record.length} fields; the header has ${header.width}.`);
  }
  const field = (position: number | undefined) => (position === undefined ? '' : (record[position] ?? '').trim());
  const plan_id = field(header.index.plan_id) || options.plan_id || '';
  if (plan_id === '') return reject('IMPORT_MISSING_PLAN', 'The line has no plan_id and no --plan was given.');
  const genderText = field(header.index.gender);
  const gender = genderValues[genderText.toLowerCase()];
  if (gender === undefined) return reject('MEMBER_BAD_GENDER', `The gender is female or male (女/男), not ${JSON.stringify(genderText)}.`);
  const relationshipText = field(header.index.relationship);
  const relationship = relationshipText === '' ? 'self' : (relationshipValues[relationshipText.toLowerCase()] ?? relationshipText);

  // Only the plan's own questions are kept; an empty cell leaves a question unanswered, which
  // enrolMembers refuses (MEMBER_DECLARATION_INCOMPLETE). An unknown plan is refused by enrolMembers.
  const plan = await plans.get(plan_id);
  const answers: Record<string, boolean> = {};
  if (plan !== undefined) {
    for (const question of versionAt(plan, now).rules.health_questions) {
      const text = field(header.questions.get(question.code));
      if (text === '') continue;
      const answer = answerValues[text.toLowerCase()];
      if (answer === undefined) return reject('IMPORT_BAD_ANSWER', `The answer to ${question.code} is yes or no (是/否, true/false, 1/0), not ${JSON.stringify(text)}.`);
      answers[question.code] = answer;
    }
  }
  const person: PersonInput = {
    name: field(header.index.name),
    id_number: field(header.index.id_number),
    birth_date: field(header.index.birth_date),
    gender,
    province: field(header.index.province),
    phone: field(header.index.phone),
    relationship: relationship as PersonInput['relationship'],
  };
  return { ok: true, input: { plan_id, payer_user_id: options.payer_user_id ?? null, person, answers, demo: options.demo ?? false } };
}

interface PendingLine {
  readonly line: number;
  readonly input: EnrolInput;
}

/**
 * Reads the CSV from `source` and enrols its good lines. Throws a RejectionError (IMPORT_BAD_HEADER,
 * IMPORT_BAD_OPTIONS) before anything is written when the file or the options cannot work at all;
 * lines enrolled before a later database error stay enrolled (each batch is its own transaction).
 */
export async function importMembers(context: ServiceContext, source: Readable, options: ImportOptions = {}): Promise<ImportSummary> {
  // Errors of the source reach the loop through the parser; an import that stops early closes the source.
  const csv = csvParser();
  const forward = (error: Error) => csv.parser.destroy(error);
  source.on('error', forward);
  try {
    return await importRecords(context, source, csv, options);
  } finally {
    // A file still opening when the import stopped early may fail later: nobody waits for it any more.
    source.off('error', forward);
    source.on('error', () => undefined);
    source.destroy();
    csv.parser.destroy();
  }
}

async function importRecords(context: ServiceContext, source: Readable, { parser, skipped }: CsvParser, options: ImportOptions): Promise<ImportSummary> {
  const batchSize = options.batch_size ?? 1000;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > maxImportBatch) {
    fatal('IMPORT_BAD_OPTIONS', `The batch size is a whole number from 1 to ${maxImportBatch}.`);
  }
  if (options.plan_id !== undefined && (await findPlan(context, options.plan_id)) === undefined) {
    fatal('PLAN_NOT_FOUND', `No plan ${options.plan_id}.`, { plan_id: options.plan_id });
  }
  // pipe() stops reading the file while the parser's buffer is full: backpressure keeps memory flat.
  const records = source.pipe(parser);

  const plans = new PlanCache(context);
  let header: Header | undefined;
  let lines = 0;
  let imported = 0;
  let refused = 0;
  let batch: PendingLine[] = [];
  let lastLine = 0;
  const refusedNow: ImportRefusal[] = [];

  const report = async (refusals: ImportRefusal[]) => {
    refusals.sort((a, b) => a.line - b.line);
    refused += refusals.length;
    if (options.onRefused !== undefined) for (const refusal of refusals) await options.onRefused(refusal);
    refusals.length = 0;
  };

  const flush = async () => {
    if (batch.length > 0) {
      const results = await enrolWithRetry(context, batch.map((entry) => entry.input));
      for (const [position, result] of results.entries()) {
        if (result.ok) imported += 1;
        else refusedNow.push({ line: batch[position]!.line, code: result.rejection.code, message: result.rejection.message });
      }
      batch = [];
    }
    // The parser reads ahead: a malformed line it skipped is reported once the lines before it are.
    const due = skipped.filter((refusal) => refusal.line <= lastLine);
    const later = skipped.filter((refusal) => refusal.line > lastLine);
    skipped.splice(0, skipped.length, ...later);
    lines += due.length;
    refusedNow.push(...due);
    await report(refusedNow);
    options.onProgress?.({ bytes: parser.info.bytes, lines, imported, refused });
  };

  const now = context.clock.now().toISOString();
  for await (const chunk of records as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const { record, info } = chunk;
    if (header === undefined) {
      header = readHeader(record, options.plan_id);
      continue;
    }
    lines += 1;
    lastLine = info.lines;
    const outcome = await readLine(record, header, options, plans, now);
    if (outcome.ok) batch.push({ line: info.lines, input: outcome.input });
    else refusedNow.push({ line: info.lines, code: outcome.rejection.code, message: outcome.rejection.message });
    if (batch.length >= batchSize || refusedNow.length >= batchSize) await flush();
  }
  if (header === undefined) fatal('IMPORT_BAD_HEADER', 'The file is empty: it needs a header line naming the columns.');
  lastLine = Number.MAX_SAFE_INTEGER;
  await flush();
  return { lines, imported, refused };
}

interface CsvParser {
  readonly parser: Parser;
  /** Lines csv-parse skipped as malformed, until the import reports them. */
  readonly skipped: ImportRefusal[];
}

function csvParser(): CsvParser {
  // Malformed CSV on one line (a stray quote) refuses that line, not the file.
  const skipped: ImportRefusal[] = [];
  const parser = parse({
    bom: true,
    info: true,
    skip_empty_lines: true,
    relax_column_count: true,
    skip_records_with_error: true,
    max_record_size: maxRecordCharacters,
    on_skip: (error: CsvError | undefined) => {
      const line = typeof error?.lines === 'number' ? error.lines : 0;
      skipped.push({ line, code: 'IMPORT_BAD_CSV', message: error?.message ?? 'The line is not valid CSV.' });
      return undefined;
    },
  });
  return { parser, skipped };
}

/** A racing registration of the same person refuses a whole batch (nothing written); a retry sees them and refuses just that line. */
async function enrolWithRetry(context: ServiceContext, inputs: readonly EnrolInput[]) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await enrolMembers(context, inputs);
    } catch (error) {
      if (attempt >= 3 || !(error instanceof RejectionError) || error.rejection.code !== 'MEMBER_CONCURRENT_CHANGE') throw error;
    }
  }
}

/** One refusal as a CSV line (RFC 4180 quoting), for the --errors file. */
export function refusalCsvLine(refusal: ImportRefusal): string {
  return [String(refusal.line), refusal.code, refusal.message].map(csvField).join(',');
}

export const refusalCsvHeader = 'line,code,message';

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
