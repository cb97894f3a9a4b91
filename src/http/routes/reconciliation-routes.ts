import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bankLayoutIds, bankLayouts } from '../../core/reconciliation/bank-layouts.js';
import { maxReconciliationDays } from '../../core/reconciliation/daily-reconciliation.js';
import { breakKinds } from '../../core/reconciliation/match-statement.js';
import { RejectionError, reject } from '../../core/rejection.js';
import type { ServiceContext } from '../../services/context.js';
import { breakAlertDays, maxBreakAlertDays, saveBreakAlertDays } from '../../services/reconciliation/break-alerts.js';
import { getBreak, listBreaks, type BreakView } from '../../services/reconciliation/break-queries.js';
import { importStatement } from '../../services/reconciliation/import-statement.js';
import { breakResolutions, maxResolutionNoteLength, resolveBreak } from '../../services/reconciliation/resolve-break.js';
import { listReconciliationDays, runReconciliation, type StoredDay } from '../../services/reconciliation/run-reconciliation.js';
import { listStatements, maxLinesPage, maxStatementsPage, statementLines } from '../../services/reconciliation/statement-queries.js';
import { currentUser, requireRoles } from '../auth.js';
import { idempotencyHeaders, idempotent } from '../idempotency.js';
import { errorResponse, errorResponses, idString, minorAmount } from '../schemas.js';

/** A statement file is at most this large: 100,000 lines of a bank export fit well within it. */
export const maxStatementFileBytes = 16 * 1024 * 1024;

const currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code').default('CNY');
const calendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

function refuse(code: string, message: string, details?: Record<string, unknown>): never {
  throw new RejectionError(reject(code, message, details).rejection);
}

const statementSchema = z.object({
  id: idString,
  currency: z.string(),
  layout: z.string(),
  first_on: z.string(),
  last_on: z.string(),
  line_count: z.string(),
  opening_balance_minor: minorAmount,
  closing_balance_minor: minorAmount,
  imported_by: idString.nullable(),
  imported_at: z.string(),
  open_breaks: z.string(),
});

const lineSchema = z.object({
  id: idString,
  line_number: z.string(),
  booked_on: z.string(),
  reference: z.string(),
  description: z.string(),
  counterparty: z.string(),
  amount_minor: minorAmount,
  balance_after_minor: minorAmount,
  state: z.enum(['matched', 'break', 'resolved']),
  ledger_transaction_id: idString.nullable(),
  break_id: idString.nullable(),
  break_kind: z.enum(breakKinds).nullable(),
});

const breakSchema = z.object({
  id: idString,
  kind: z.enum(breakKinds),
  status: z.enum(['open', 'resolved']),
  occurred_on: z.string(),
  age_days: z.number().int(),
  reference: z.string(),
  line_number: z.string().nullable(),
  ledger_transaction_id: idString.nullable(),
  ledger_amount_minor: minorAmount.nullable(),
  bank_amount_minor: minorAmount.nullable(),
  resolution: z.enum(breakResolutions).nullable(),
  resolution_note: z.string().nullable(),
  resolution_transaction_id: idString.nullable(),
  correction_manual_posting_id: idString.nullable(),
  resolved_by: idString.nullable(),
  resolved_at: z.string().nullable(),
  alerted_at: z.string().nullable(),
});

const daySchema = z.object({
  day: z.string(),
  status: z.enum(['reconciled', 'differs', 'no_statement']),
  ledger_balance_minor: minorAmount,
  bank_balance_minor: minorAmount.nullable(),
  difference_minor: minorAmount,
  open_breaks_minor: minorAmount,
  resolved_breaks_minor: minorAmount,
  in_transit_minor: minorAmount,
  unexplained_minor: minorAmount,
  computed_at: z.string(),
});

const text = (value: bigint | null) => value?.toString() ?? null;

function breakJson(found: BreakView) {
  return {
    ...found,
    id: found.id.toString(),
    line_number: text(found.line_number),
    ledger_transaction_id: text(found.ledger_transaction_id),
    ledger_amount_minor: text(found.ledger_amount_minor),
    bank_amount_minor: text(found.bank_amount_minor),
    resolution_transaction_id: text(found.resolution_transaction_id),
    correction_manual_posting_id: text(found.correction_manual_posting_id),
    resolved_by: text(found.resolved_by),
  };
}

function dayJson(day: StoredDay) {
  return {
    ...day,
    ledger_balance_minor: day.ledger_balance_minor.toString(),
    bank_balance_minor: text(day.bank_balance_minor),
    difference_minor: day.difference_minor.toString(),
    open_breaks_minor: day.open_breaks_minor.toString(),
    resolved_breaks_minor: day.resolved_breaks_minor.toString(),
    in_transit_minor: day.in_transit_minor.toString(),
    unexplained_minor: day.unexplained_minor.toString(),
  };
}

const importFields = z.object({ layout: z.string().min(1).max(64), currency });

/** Reads the upload: the fields layout and currency and one CSV file, cut off past the size limit while streaming. */
async function readStatementForm(request: FastifyRequest): Promise<{ layout: string; currency: string; csv: string }> {
  if (!request.isMultipart()) refuse('UNSUPPORTED_MEDIA_TYPE', 'Send the statement as multipart/form-data: fields layout and currency, and the CSV file.');
  const fields: Record<string, string> = {};
  let csv: string | undefined;
  const errors = request.server.multipartErrors;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxStatementFileBytes, files: 1, fields: 5, fieldSize: 256, parts: 6 } })) {
      if (part.type === 'file') csv = (await part.toBuffer()).toString('utf8');
      else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
    }
  } catch (error) {
    if (error instanceof errors.RequestFileTooLargeError) refuse('BODY_TOO_LARGE', `A statement file may be at most ${maxStatementFileBytes / 1024 / 1024} MiB; split it.`, { limit_bytes: maxStatementFileBytes });
    if (error instanceof errors.FilesLimitError) refuse('VALIDATION_FAILED', 'Send one statement file per upload.', { parameter: 'file' });
    if (error instanceof errors.PartsLimitError || error instanceof errors.FieldsLimitError) refuse('VALIDATION_FAILED', 'The form has too many fields.');
    throw error;
  }
  const parsed = importFields.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    refuse('VALIDATION_FAILED', `Invalid form field ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`, { parameter: issue?.path.join('.') ?? null });
  }
  if (csv === undefined) refuse('VALIDATION_FAILED', 'The form has no statement file.', { parameter: 'file' });
  // A byte-order mark some bank exports start with is not part of the header.
  return { ...parsed.data, csv: csv.replace(/^\uFEFF/, '') };
}

/** The forms read by the upload's hook, for its handler. */
const uploads = new WeakMap<FastifyRequest, { layout: string; currency: string; csv: string }>();

/**
 * Reads the upload before the Idempotency-Key is claimed (after the role check), and puts what
 * identifies it in the body (the fields and the file's SHA-256): the key's request hash then
 * covers the file, so the same key with another file is refused rather than answered.
 */
async function readUpload(request: FastifyRequest): Promise<void> {
  const form = await readStatementForm(request);
  uploads.set(request, form);
  request.body = { layout: form.layout, currency: form.currency, file: createHash('sha256').update(form.csv).digest('hex') };
}

/**
 * Custody reconciliation for auditors and operators (admins too): import bank statements, read
 * their lines and the breaks, resolve a break, and reconcile the days (issue 14, item 2).
 */
export function reconciliationRoutes(app: FastifyInstance, context: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const staff = requireRoles('auditor', 'operator');

  api.get(
    '/api/reconciliation/layouts',
    {
      preHandler: staff,
      schema: {
        tags: ['reconciliation'],
        summary: 'The bank statement layouts an import may name, with each one\u2019s column headers (auditor, operator)',
        response: {
          200: z.object({ layouts: z.array(z.object({ id: z.string(), title_en: z.string(), title_zh: z.string(), columns: z.record(z.string(), z.string().nullable()) })) }),
          ...errorResponses,
        },
      },
    },
    async () => ({
      layouts: bankLayoutIds.map((id) => ({ id, title_en: bankLayouts[id].title.en, title_zh: bankLayouts[id].title.zh, columns: { ...bankLayouts[id].columns } })),
    }),
  );

  api.post(
    '/api/reconciliation/statements',
    {
      ...idempotent(context, [staff, readUpload]),
      schema: {
        tags: ['reconciliation'],
        summary:
          'Import a bank statement of the custody account: multipart/form-data with fields layout (see /api/reconciliation/layouts) and currency (default CNY) and the CSV file. ' +
          'Nothing is written unless every line is good; a bad file is refused with a RECON_* code naming the line (details.line, 1 = the header). The same file again imports nothing (already_imported) (auditor, operator)',
        consumes: ['multipart/form-data'],
        headers: idempotencyHeaders,
        // Read from the multipart form by the upload hook (the body parser leaves it empty).
        body: z
          .object({
            layout: z.enum(bankLayoutIds).describe('The bank layout of the file'),
            currency: z.string().optional().describe('The custody account\u2019s currency, default CNY'),
            file: z.string().describe('The statement CSV file (UTF-8)'),
          })
          .nullish(),
        response: {
          201: z.object({
            statement_id: idString,
            already_imported: z.boolean(),
            new_lines: z.number().int(),
            known_lines: z.number().int(),
            matched: z.number().int(),
            breaks: z.number().int(),
          }),
          ...errorResponses,
          413: errorResponse,
          415: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const form = uploads.get(request);
      if (form === undefined) throw new Error('the upload hook reads the form first');
      const outcome = await importStatement(context, { ...form, imported_by: currentUser(request).id });
      return reply.status(201).send({ ...outcome, statement_id: outcome.statement_id.toString() });
    },
  );

  api.get(
    '/api/reconciliation/statements',
    {
      preHandler: staff,
      schema: {
        tags: ['reconciliation'],
        summary: `The imported statements of a currency, newest first, each with its open breaks (at most ${maxStatementsPage}) (auditor, operator)`,
        querystring: z.object({ currency, limit: z.coerce.number().int().min(1).max(maxStatementsPage).optional() }),
        response: { 200: z.object({ statements: z.array(statementSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const statements = await listStatements(context, { currency: request.query.currency, ...(request.query.limit === undefined ? {} : { limit: request.query.limit }) });
      return {
        statements: statements.map((statement) => ({
          ...statement,
          id: statement.id.toString(),
          line_count: statement.line_count.toString(),
          opening_balance_minor: statement.opening_balance_minor.toString(),
          closing_balance_minor: statement.closing_balance_minor.toString(),
          imported_by: text(statement.imported_by),
          open_breaks: statement.open_breaks.toString(),
        })),
      };
    },
  );

  api.get(
    '/api/reconciliation/statements/:statement_id/lines',
    {
      preHandler: staff,
      schema: {
        tags: ['reconciliation'],
        summary: `A statement's lines in file order with their match state (matched, an open break, a resolved one); pages of at most ${maxLinesPage} after a line number (auditor, operator)`,
        params: z.object({ statement_id: idString }),
        querystring: z.object({ after_line: z.coerce.bigint().min(0n).optional(), limit: z.coerce.number().int().min(1).max(maxLinesPage).optional() }),
        response: { 200: z.object({ lines: z.array(lineSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const lines = await statementLines(context, {
        statement_id: BigInt(request.params.statement_id),
        ...(request.query.after_line === undefined ? {} : { after_line: request.query.after_line }),
        ...(request.query.limit === undefined ? {} : { limit: request.query.limit }),
      });
      if (lines === undefined) refuse('RECON_STATEMENT_NOT_FOUND', `No statement ${request.params.statement_id}.`, { statement_id: request.params.statement_id });
      return {
        lines: lines.map((line) => ({
          ...line,
          id: line.id.toString(),
          line_number: line.line_number.toString(),
          amount_minor: line.amount_minor.toString(),
          balance_after_minor: line.balance_after_minor.toString(),
          ledger_transaction_id: text(line.ledger_transaction_id),
          break_id: text(line.break_id),
        })),
      };
    },
  );

  api.get(
    '/api/reconciliation/breaks',
    {
      preHandler: staff,
      schema: {
        tags: ['reconciliation'],
        summary: 'The breaks of a currency, oldest first, with their age in days and their resolution trail; filters kind, status and min_age_days. alert_after_days: the age past which an open break raises an alert (auditor, operator)',
        querystring: z.object({
          currency,
          kind: z.enum(breakKinds).optional(),
          status: z.enum(['open', 'resolved']).optional(),
          min_age_days: z.coerce.number().int().min(0).max(100_000).optional(),
        }),
        response: { 200: z.object({ alert_after_days: z.number().int(), breaks: z.array(breakSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const { currency: code, kind, status, min_age_days } = request.query;
      const breaks = await listBreaks(context, { currency: code, ...(kind === undefined ? {} : { kind }), ...(status === undefined ? {} : { status }), ...(min_age_days === undefined ? {} : { min_age_days }) });
      return { alert_after_days: await breakAlertDays(context), breaks: breaks.map(breakJson) };
    },
  );

  api.post(
    '/api/reconciliation/breaks/:break_id/resolve',
    {
      ...idempotent(context, staff),
      schema: {
        tags: ['reconciliation'],
        summary:
          'Resolve an open break with a note: explained (optionally naming the ledger transfer that explains it, e.g. a bank fee booked later), or corrected by an approved manual posting ' +
          '(POST /api/ledger/manual-postings: one staff member asks, another approves; a correction is a new transfer, never an edit). The break keeps who, when and how (auditor, operator)',
        params: z.object({ break_id: idString }),
        headers: idempotencyHeaders,
        body: z.object({
          resolution: z.enum(breakResolutions),
          note: z.string().max(maxResolutionNoteLength * 2),
          ledger_transaction_id: idString.optional(),
          manual_posting_id: idString.optional(),
        }),
        response: { 200: z.object({ break: breakSchema }), ...errorResponses },
      },
    },
    async (request) => {
      const { resolution, note, ledger_transaction_id, manual_posting_id } = request.body;
      const resolved = await resolveBreak(context, {
        break_id: BigInt(request.params.break_id),
        resolution,
        note,
        ledger_transaction_id: ledger_transaction_id === undefined ? null : BigInt(ledger_transaction_id),
        manual_posting_id: manual_posting_id === undefined ? null : BigInt(manual_posting_id),
        resolved_by: currentUser(request).id,
      });
      const found = await getBreak(context, resolved.id);
      if (found === undefined) throw new Error('a resolved break is kept');
      return { break: breakJson(found) };
    },
  );

  const rangeQuery = z.object({ currency, from: calendarDay, to: calendarDay });

  api.get(
    '/api/reconciliation/days',
    {
      preHandler: staff,
      schema: {
        tags: ['reconciliation'],
        summary: `Each day's stored reconciliation in [from, to] (at most ${maxReconciliationDays} days): custody in the ledger, the bank's closing balance, the difference and what explains it; status reconciled, differs or no_statement. A day not reconciled yet is absent (auditor, operator)`,
        querystring: rangeQuery,
        response: { 200: z.object({ days: z.array(daySchema) }), ...errorResponses },
      },
    },
    async (request) => ({ days: (await listReconciliationDays(context, request.query)).map(dayJson) }),
  );

  api.post(
    '/api/reconciliation/run',
    {
      ...idempotent(context, staff),
      schema: {
        tags: ['reconciliation'],
        summary: `Reconcile the days [from, to] now (at most ${maxReconciliationDays}) and store each day's outcome, replacing an earlier run's; the background jobs do this daily (auditor, operator)`,
        headers: idempotencyHeaders,
        body: rangeQuery,
        response: { 200: z.object({ days: z.array(daySchema) }), ...errorResponses },
      },
    },
    async (request) => ({ days: (await runReconciliation(context, request.body)).map(dayJson) }),
  );

  const settingsSchema = z.object({
    break_alert_days: z
      .number()
      .int()
      .min(0)
      .max(maxBreakAlertDays)
      .describe('An open break older than this many days is alerted on, once, to every operator and auditor'),
  });

  api.get(
    '/api/reconciliation/settings',
    {
      preHandler: staff,
      schema: {
        tags: ['reconciliation'],
        summary: 'The reconciliation settings in force: the age in days at which an open break raises an alert (auditor, operator)',
        response: { 200: settingsSchema, ...errorResponses },
      },
    },
    async () => ({ break_alert_days: await breakAlertDays(context) }),
  );

  api.put(
    '/api/reconciliation/settings',
    {
      preHandler: requireRoles('admin'),
      schema: {
        tags: ['reconciliation'],
        summary: `Change the age at which an open break raises an alert (0–${maxBreakAlertDays} days; admin); the next background pass applies it`,
        body: settingsSchema,
        response: { 200: settingsSchema, ...errorResponses },
      },
    },
    async (request) => ({ break_alert_days: await saveBreakAlertDays(context, request.body.break_alert_days) }),
  );
}
