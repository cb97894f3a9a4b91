import { calendarDateOf } from '../../core/members/age.js';
import { monthPeriod, nextMonth, previousMonth, type ReportPeriod } from '../../core/reports/report-period.js';
import { unwrap } from '../../core/rejection.js';
import type { ServiceContext } from '../context.js';
import { supervisorReportFromJson, supervisorReportToJson } from './report-json.js';
import { supervisorReport, type SupervisorReport } from './supervisor-report.js';

/** Months one background pass stores at most: a new installation catches up over a few passes, never in one long one. */
export const monthsPerPass = 12;
/** The most stored reports one list returns (40 years of monthly all-plans reports). */
export const maxStoredReportList = 500;

const allPlansKey = '';

export interface ReportReading {
  readonly report: SupervisorReport;
  /** When the stored report was issued; null when computed live (on demand, or a month not stored yet). */
  readonly stored_at: string | null;
}

/**
 * The background step: stores the report of every finished month not stored yet (all plans, and
 * each plan's own), from the month the first plan was created, at most monthsPerPass a pass.
 * A month is stored once (a unique key); a second pass, or a second server, changes nothing.
 */
export async function storeFinishedMonths(context: ServiceContext): Promise<{ stored: number }> {
  const db = context.store.db;
  const last_finished = previousMonth(calendarDateOf(context.clock.now().toISOString()));
  const latest = await db.selectFrom('supervisor_reports').select('month').where('plan_key', '=', allPlansKey).orderBy('month', 'desc').limit(1).executeTakeFirst();
  const first_plan = await db.selectFrom('plans').select('created_at').orderBy('created_at').limit(1).executeTakeFirst();
  if (first_plan === undefined) return { stored: 0 };
  let month = latest === undefined ? first_plan.created_at.slice(0, 7) : nextMonth(latest.month);
  const plan_ids = (await db.selectFrom('plans').select('id').orderBy('id').execute()).map((row) => row.id);
  let stored = 0;
  for (let pass = 0; pass < monthsPerPass && month <= last_finished; pass += 1) {
    const period = unwrap(monthPeriod(month));
    const reports = [await supervisorReport(context, period, null)];
    for (const plan_id of plan_ids) reports.push(await supervisorReport(context, period, plan_id));
    const generated_at = context.clock.now().toISOString();
    const inserted = await db
      .insertInto('supervisor_reports')
      .values(reports.map((report) => ({ month, plan_key: report.plan_id ?? allPlansKey, report_json: supervisorReportToJson(report), generated_at })))
      .onConflict((conflict) => conflict.columns(['month', 'plan_key']).doNothing())
      .execute();
    stored += inserted.reduce((sum, result) => sum + Number(result.numInsertedOrUpdatedRows ?? 0n), 0);
    month = nextMonth(month);
  }
  return { stored };
}

/** A month's report as issued when stored, else computed now; a range is always computed now. */
export async function readSupervisorReport(context: ServiceContext, period: ReportPeriod, plan_id: string | null): Promise<ReportReading> {
  if (period.month !== null) {
    const row = await context.store.db
      .selectFrom('supervisor_reports')
      .select(['report_json', 'generated_at'])
      .where('month', '=', period.month)
      .where('plan_key', '=', plan_id ?? allPlansKey)
      .executeTakeFirst();
    if (row !== undefined) return { report: supervisorReportFromJson(row.report_json), stored_at: row.generated_at };
  }
  return { report: await supervisorReport(context, period, plan_id), stored_at: null };
}

/** The stored monthly reports, newest first. */
export async function listStoredReports(context: ServiceContext): Promise<Array<{ month: string; plan_id: string | null; generated_at: string }>> {
  const rows = await context.store.db
    .selectFrom('supervisor_reports')
    .select(['month', 'plan_key', 'generated_at'])
    .orderBy('month', 'desc')
    .orderBy('plan_key')
    .limit(maxStoredReportList)
    .execute();
  return rows.map((row) => ({ month: row.month, plan_id: row.plan_key === allPlansKey ? null : row.plan_key, generated_at: row.generated_at }));
}
