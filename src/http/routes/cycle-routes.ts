import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hasAnyRole, type Role } from '../../core/roles.js';
import type { ServiceContext } from '../../services/context.js';
import {
  type CycleJobs,
  cycleExportChunks,
  cycleReport,
  cycleStatistics,
  getCycleRow,
  listCycles,
  listStaffCycles,
  maxJobWaitSeconds,
  maxStaffCyclePage,
  staffCycleReport,
  membershipCycleProof,
  operatorPublicKeyHex,
  type CycleJob,
  type CycleSummary,
  type StaffCycle,
} from '../../services/cycles/index.js';
import { cycleSteps } from '../../services/cycles/cycle-rows.js';
import type { CycleStatistics } from '../../services/cycles/index.js';
import { assertPaysForMembership } from '../../services/member-queries.js';
import { currentUser, requireRoles } from '../auth.js';
import { errorResponses, idString, minorAmount } from '../schemas.js';
import { caseCardJson, caseCardSchema } from './public-case-routes.js';

const cycleCode = z.string().regex(/^[a-z][a-z0-9-]{1,47}-\d{8}$/, 'a cycle id such as critical-illness-20261207');
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const staff: Role[] = ['operator', 'auditor'];

const cycleSummarySchema = z.object({
  cycle_id: z.string(),
  plan_id: z.string(),
  sequence: z.number().int(),
  status: z.enum(['running', 'completed']),
  currency: z.string(),
  snapshot_at: z.string(),
  collection_at: z.string(),
  case_count: z.number().int(),
  aid_total_minor: minorAmount,
  fee_bps: z.number().int(),
  fee_minor: minorAmount,
  surplus_in_minor: minorAmount,
  total_minor: minorAmount,
  surplus_out_minor: minorAmount,
  weight_scheme: z.string(),
  cap_policy: z.enum(['backstop', 'reduce_aid']),
  member_count: z.number().int().nullable(),
  weight_total: z.string().nullable(),
  share_total_minor: minorAmount.nullable(),
  capped_total_minor: minorAmount.nullable(),
  allocated_share_per_member_minor: minorAmount.nullable().describe('What a member of weight 1 was allocated before the caps: total ÷ weight total, rounded down'),
  paid_share_per_member_minor: minorAmount.nullable().describe('What a covered member was charged after the caps, on average: share total ÷ members, rounded down'),
  charged_minor: minorAmount.nullable().describe('Receivables and wallet deductions made by the charge step (null before it ran)'),
  shortfall_minor: minorAmount.nullable().describe('Prepaid shares the wallets could not pay when charged, owed by those members as receivables'),
  backstop_minor: minorAmount.nullable().describe("What the operator's backstop paid in for the caps"),
  aid_payable_minor: minorAmount.nullable().describe('The aid the cases are owed, after a "reduce_aid" cut'),
  fee_payable_minor: minorAmount.nullable().describe('The management fee recognised; charged + shortfall + backstop + surplus in = aid payable + fee payable + surplus out'),
  merkle_root_hex: hex64.nullable(),
  previous_root_hex: hex64,
  seed_hex: hex64,
  signature_hex: z.string().nullable(),
  completed_at: z.string().nullable(),
});

const text = (value: bigint | null) => (value === null ? null : value.toString());

function cycleJson(cycle: CycleSummary) {
  return {
    ...cycle,
    aid_total_minor: cycle.aid_total_minor.toString(),
    fee_minor: cycle.fee_minor.toString(),
    surplus_in_minor: cycle.surplus_in_minor.toString(),
    total_minor: cycle.total_minor.toString(),
    surplus_out_minor: cycle.surplus_out_minor.toString(),
    weight_total: text(cycle.weight_total),
    share_total_minor: text(cycle.share_total_minor),
    capped_total_minor: text(cycle.capped_total_minor),
    allocated_share_per_member_minor: text(cycle.allocated_share_per_member_minor),
    paid_share_per_member_minor: text(cycle.paid_share_per_member_minor),
    charged_minor: text(cycle.charged_minor),
    shortfall_minor: text(cycle.shortfall_minor),
    backstop_minor: text(cycle.backstop_minor),
    aid_payable_minor: text(cycle.aid_payable_minor),
    fee_payable_minor: text(cycle.fee_payable_minor),
  };
}

const statisticsSchema = z.object({
  period: z.string(),
  plan_id: z.string(),
  cycles: z.number().int(),
  members_covered: z.number().int(),
  cases: z.number().int(),
  aid_minor: minorAmount,
  fee_minor: minorAmount,
  paid_share_per_member_minor: minorAmount.describe('What a covered member paid after the caps (share total ÷ members, rounded down); per year, summed over its cycles'),
  allocated_share_per_member_minor: minorAmount.describe('What a member of weight 1 was allocated before the caps (total ÷ weight total); per year, summed'),
  share_total_minor: minorAmount.describe('Shares charged after the caps'),
  capped_total_minor: minorAmount.describe('What the caps held back'),
  backstop_minor: minorAmount.describe("What the operator's backstop paid in for the caps"),
  shortfall_minor: minorAmount.describe('Prepaid shares the wallets could not pay when charged'),
  people_helped_to_date: z.number().int(),
});

function statisticsJson(stat: CycleStatistics) {
  return {
    ...stat,
    aid_minor: stat.aid_minor.toString(),
    fee_minor: stat.fee_minor.toString(),
    paid_share_per_member_minor: stat.paid_share_per_member_minor.toString(),
    allocated_share_per_member_minor: stat.allocated_share_per_member_minor.toString(),
    share_total_minor: stat.share_total_minor.toString(),
    capped_total_minor: stat.capped_total_minor.toString(),
    backstop_minor: stat.backstop_minor.toString(),
    shortfall_minor: stat.shortfall_minor.toString(),
  };
}

const proofSchema = z.object({
  format: z.literal('huzhu-proof/1'),
  cycle_id: z.string(),
  member_code: z.string(),
  weight: z.string(),
  cap_room_minor: minorAmount.nullable(),
  share_minor: minorAmount,
  capped_minor: minorAmount,
  leaf_index: z.number().int(),
  tree_size: z.number().int(),
  merkle_root_hex: hex64,
  proof_hex: z.array(hex64),
});

const cycleJobSchema = z.object({
  job_id: z.string(),
  plan_id: z.string(),
  run_at: z.string().nullable().describe('the run time asked for; null for the time the job started'),
  status: z
    .enum(['running', 'succeeded', 'failed', 'interrupted'])
    .describe('interrupted: the process running it stopped; a new run resumes the cycle'),
  cycle_id: z.string().nullable(),
  step: z.enum(cycleSteps).nullable().describe('the step running, or the last one done'),
  steps_done: z.number().int(),
  steps_total: z.number().int(),
  step_statements: z
    .number()
    .int()
    .nullable()
    .describe('database statements the running step has executed, while this server runs the job'),
  result: z
    .object({
      cycle_id: z.string(),
      resumed: z.boolean(),
      already_completed: z.boolean(),
      steps_run: z.array(z.enum(cycleSteps)),
      cycle: cycleSummarySchema,
    })
    .nullable()
    .describe('once the job succeeded: what the run did and the cycle\'s figures'),
  error: z
    .object({ code: z.string(), message: z.string() })
    .nullable()
    .describe('a rejection code such as CYCLE_NOT_DUE, or CYCLE_JOB_INTERRUPTED'),
  created_by: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  finished_at: z.string().nullable(),
  progress_token: z.string().describe('changes whenever the job moves: pass it as `seen` to wait for the next move'),
});

const cycleJobStatuses = ['running', 'succeeded', 'failed', 'interrupted'] as const;
const cycleJobListSchema = cycleJobSchema.omit({ result: true });

const staffCycleSchema = z.object({
  cycle: cycleSummarySchema,
  staff_status: z
    .enum(['running', 'published', 'failed'])
    .describe('published: the run completed; failed: its latest job failed or was interrupted (a new run resumes it); else running'),
  last_job: z
    .object({ job_id: z.string(), status: z.enum(cycleJobStatuses), error_code: z.string().nullable() })
    .nullable()
    .describe("the cycle's latest job; null for a cycle run without one (the CLI)"),
});

function staffCycleJson(item: StaffCycle) {
  return { ...item, cycle: cycleJson(item.cycle) };
}

function cycleJobJson(job: CycleJob) {
  return { ...job, result: job.result === null ? null : { ...job.result, cycle: cycleJson(job.result.cycle) } };
}

/**
 * Published cycles for everyone; cycle jobs for the operator (and auditors to watch them); a
 * member's own share and proof.
 */
export function cycleRoutes(app: FastifyInstance, context: ServiceContext, jobs: CycleJobs): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // A job still running when the server closes would find its store closed under it.
  app.addHook('onClose', async () => jobs.settled());

  api.get(
    '/api/public/cycles',
    {
      schema: {
        tags: ['public'],
        summary: 'Sharing cycles, newest first: the figures of each export header and the Merkle root',
        security: [],
        querystring: z.object({ plan_id: z.string().max(64).optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) }),
        response: { 200: z.object({ cycles: z.array(cycleSummarySchema) }), ...errorResponses },
      },
    },
    async (request) => ({ cycles: (await listCycles(context, request.query)).map(cycleJson) }),
  );

  api.get(
    '/api/public/cycles/:cycle_id',
    {
      schema: {
        tags: ['public'],
        summary: "A cycle's report: its figures, the signed header line of its export and the case cards of the cases it shares",
        security: [],
        params: z.object({ cycle_id: cycleCode }),
        response: {
          200: z.object({
            cycle: cycleSummarySchema,
            header_json: z.string().nullable(),
            cases: z.array(z.object({ card: caseCardSchema, payable_minor: minorAmount, payout_status: z.string().nullable() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const report = await cycleReport(context, request.params.cycle_id);
      return {
        cycle: cycleJson(report.cycle),
        header_json: report.header_json,
        cases: report.cases.map((item) => ({ card: caseCardJson(item.card), payable_minor: item.payable_minor.toString(), payout_status: item.payout_status })),
      };
    },
  );

  api.get(
    '/api/public/cycles/:cycle_id/export',
    {
      schema: {
        tags: ['public'],
        summary: "The cycle's JSON Lines export (huzhu-cycle/1; huzhu-cycle/2 for a closing cycle the operator paid), streamed: check it with `huzhu verify`",
        security: [],
        params: z.object({ cycle_id: cycleCode }),
        response: { 200: z.string().describe('JSON Lines'), ...errorResponses },
      },
    },
    async (request, reply) => {
      // Fails here, before the stream starts, for an unknown or unpublished cycle.
      const cycle = await getCycleRow(context, request.params.cycle_id);
      const chunks = cycleExportChunks(context, cycle.cycle_code);
      const first = await chunks.next();
      async function* rest() {
        if (first.done !== true) yield first.value;
        yield* chunks;
      }
      reply.header('content-type', 'application/jsonl; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="${cycle.cycle_code}.jsonl"`);
      return reply.send(Readable.from(rest()) as unknown as string);
    },
  );

  api.get(
    '/api/public/statistics',
    {
      schema: {
        tags: ['public'],
        summary: 'Public statistics per completed cycle and per year: members covered, cases, aid, fee, the share each member paid after caps and the share allocated before them, capped total, backstop, prepaid shortfall, people helped to date',
        security: [],
        querystring: z.object({ plan_id: z.string().max(64).optional() }),
        response: { 200: z.object({ per_cycle: z.array(statisticsSchema), per_year: z.array(statisticsSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const stats = await cycleStatistics(context, request.query);
      return { per_cycle: stats.per_cycle.map(statisticsJson), per_year: stats.per_year.map(statisticsJson) };
    },
  );

  api.get(
    '/api/public/operator-key',
    {
      schema: {
        tags: ['public'],
        summary: "The operator's ed25519 public key (raw, hex) that signs every cycle header",
        security: [],
        response: { 200: z.object({ algorithm: z.literal('ed25519'), public_key_hex: hex64 }), ...errorResponses },
      },
    },
    async () => ({ algorithm: 'ed25519' as const, public_key_hex: await operatorPublicKeyHex(context, context.clock.now().toISOString()) }),
  );

  api.post(
    '/api/plans/:plan_id/cycles/run',
    {
      preHandler: requireRoles('operator'),
      schema: {
        tags: ['cycles'],
        summary:
          "Start a job running or resuming the plan's sharing cycle for the latest notice day not after `at` (default now), or join the plan's " +
          'running job; 202 with the job and its URL (also in Location). A cycle already completed is a job that succeeds with ' +
          '`already_completed`; an `at` before the last cycle\'s snapshot, a job that fails with CYCLE_NOT_DUE (operator)',
        params: z.object({ plan_id: z.string().max(64) }),
        body: z.object({ at: z.string().max(40).optional() }).default({}),
        response: { 202: z.object({ job: cycleJobSchema, url: z.string(), joined: z.boolean() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { job, joined } = await jobs.start(request.params.plan_id, {
        ...(request.body.at === undefined ? {} : { at: request.body.at }),
        created_by: `user:${currentUser(request).id}`,
      });
      const url = `/api/cycle-jobs/${job.job_id}`;
      return reply.code(202).header('location', url).send({ job: cycleJobJson(job), url, joined });
    },
  );

  api.get(
    '/api/cycle-jobs/:job_id',
    {
      preHandler: requireRoles(...staff),
      schema: {
        tags: ['cycles'],
        summary:
          'A cycle job: its status, the step it is in, steps done of the total, and the result or the error. With `wait_seconds`, ' +
          `the answer comes as soon as the job ends, or after that many seconds (at most ${maxJobWaitSeconds}) ` +
          'with its state then (operator, auditor)',
        params: z.object({ job_id: idString }),
        querystring: z.object({
          wait_seconds: z.coerce.number().int().min(0).max(maxJobWaitSeconds).default(0),
          seen: z
            .string()
            .max(80)
            .optional()
            .describe(
              'the `progress_token` of your last answer: with `wait_seconds`, answered as soon as the job moved ' +
                'from it (a step started or done, the end)',
            ),
        }),
        response: { 200: cycleJobSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { wait_seconds, seen } = request.query;
      return cycleJobJson(await jobs.get(request.params.job_id, { wait_seconds, ...(seen === undefined ? {} : { seen }) }));
    },
  );

  api.get(
    '/api/cycle-jobs',
    {
      preHandler: requireRoles(...staff),
      schema: {
        tags: ['cycles'],
        summary:
          'Cycle jobs, newest first, without their result (GET the job for it); filtered by plan, status or cycle, ' +
          'paged by id (operator, auditor)',
        querystring: z.object({
          plan_id: z.string().max(64).optional(),
          status: z.enum(cycleJobStatuses).optional(),
          cycle_id: cycleCode.optional(),
          before_id: idString.optional().describe('page on: the last job_id of the previous page'),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: z.object({ jobs: z.array(cycleJobListSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const { plan_id, status, cycle_id, before_id, limit } = request.query;
      const list = await jobs.list({
        limit,
        ...(plan_id === undefined ? {} : { plan_id }),
        ...(status === undefined ? {} : { status }),
        ...(cycle_id === undefined ? {} : { cycle_id }),
        ...(before_id === undefined ? {} : { before_id }),
      });
      return { jobs: list.map(({ result: _result, ...job }) => job) };
    },
  );

  api.get(
    '/api/cycles',
    {
      preHandler: requireRoles(...staff),
      schema: {
        tags: ['cycles'],
        summary: "Cycles newest first, running and failed ones too, with each one's status and latest job; paged (operator, auditor)",
        querystring: z.object({
          plan_id: z.string().max(64).optional(),
          before: cycleCode.optional().describe('page on: `next_before` of the previous page'),
          limit: z.coerce.number().int().min(1).max(maxStaffCyclePage).default(50),
        }),
        response: { 200: z.object({ cycles: z.array(staffCycleSchema), next_before: z.string().nullable() }), ...errorResponses },
      },
    },
    async (request) => {
      const { plan_id, before, limit } = request.query;
      const page = await listStaffCycles(context, {
        limit,
        ...(plan_id === undefined ? {} : { plan_id }),
        ...(before === undefined ? {} : { before }),
      });
      return { cycles: page.cycles.map(staffCycleJson), next_before: page.next_before };
    },
  );

  api.get(
    '/api/cycles/:cycle_id',
    {
      preHandler: requireRoles(...staff),
      schema: {
        tags: ['cycles'],
        summary:
          'A cycle for the staff: its figures, status and latest job, and every case with its aid, the aid payable ' +
          'after a cut, and its payout (operator, auditor)',
        params: z.object({ cycle_id: cycleCode }),
        response: {
          200: staffCycleSchema.extend({
            cases: z.array(
              z.object({
                case_number: z.string(),
                aid_minor: minorAmount,
                payable_minor: minorAmount.describe('the aid owed after a "reduce_aid" cut'),
                payout_id: z.string().nullable(),
                payout_status: z.string().nullable(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const report = await staffCycleReport(context, request.params.cycle_id);
      return {
        ...staffCycleJson(report),
        cases: report.cases.map((item) => ({ ...item, aid_minor: item.aid_minor.toString(), payable_minor: item.payable_minor.toString() })),
      };
    },
  );

  api.get(
    '/api/memberships/:id/cycles/:cycle_id/proof',
    {
      preHandler: requireRoles(),
      schema: {
        tags: ['memberships'],
        summary: "The member's share line in a cycle and its Merkle inclusion proof (the member who pays for it, operator, auditor); `huzhu verify --proof` checks it",
        params: z.object({ id: idString, cycle_id: cycleCode }),
        response: { 200: proofSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const membership_id = BigInt(request.params.id);
      if (!hasAnyRole(user.roles, staff)) await assertPaysForMembership(context, membership_id, user.id);
      return membershipCycleProof(context, request.params.cycle_id, membership_id);
    },
  );
}
