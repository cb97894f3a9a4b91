import type { Selectable } from 'kysely';
import { defaultResponseDays } from '../core/complaints/complaint-lifecycle.js';
import { checkOperatorInfo, publicOperatorInfo, type OperatorInfo, type PublicOperatorInfo } from '../core/operator/operator-info.js';
import { RejectionError } from '../core/rejection.js';
import type { Trx } from '../ledger/ledger.js';
import type { Db, OperatorInfoVersionsTable } from '../store/schema.js';
import type { ServiceContext } from './context.js';

/**
 * The operator's licence and custodian settings (issue 14, item 5). Every change is a new row
 * (the audit trail); the latest is current. Until an admin saves them there are none, and the
 * public pages say so rather than show invented details.
 */
export interface OperatorInfoVersion extends OperatorInfo {
  readonly version: bigint;
  readonly changed_by_user_id: bigint;
  /** The admin's display name, so the audit trail reads as people, not numbers. */
  readonly changed_by_name: string;
  readonly changed_at: string;
}

/** The most past versions one history read returns. */
export const maxOperatorInfoHistory = 100;

function fromRow(row: Selectable<OperatorInfoVersionsTable> & { changed_by_name: string }): OperatorInfoVersion {
  return {
    version: row.id,
    operator_name: row.operator_name,
    licence_number: row.licence_number,
    supervisor: row.supervisor,
    custodian_bank: row.custodian_bank,
    custodian_account: row.custodian_account,
    complaint_phone: row.complaint_phone,
    complaint_email: row.complaint_email,
    complaint_response_days: Number(row.complaint_response_days),
    changed_by_user_id: row.changed_by_user_id,
    changed_by_name: row.changed_by_name,
    changed_at: row.changed_at,
  };
}

/** The versions with the name of the admin who saved each. */
function versions(db: Db | Trx) {
  return db
    .selectFrom('operator_info_versions as v')
    .innerJoin('users as u', 'u.id', 'v.changed_by_user_id')
    .selectAll('v')
    .select('u.display_name as changed_by_name')
    .orderBy('v.id', 'desc');
}

async function latest(db: Db | Trx): Promise<OperatorInfoVersion | null> {
  const row = await versions(db).limit(1).executeTakeFirst();
  return row === undefined ? null : fromRow(row);
}

/** The current settings in full (admins), or null before the first save. */
export function getOperatorInfo(context: ServiceContext): Promise<OperatorInfoVersion | null> {
  return latest(context.store.db);
}

/** Saves new settings as a new version, written by this admin at the context's time. */
export async function saveOperatorInfo(context: ServiceContext, input: OperatorInfo, admin_user_id: bigint): Promise<OperatorInfoVersion> {
  const checked = checkOperatorInfo(input);
  if (!checked.ok) throw new RejectionError(checked.rejection);
  const row = await context.store.db
    .insertInto('operator_info_versions')
    .values({
      ...checked.value,
      complaint_response_days: BigInt(checked.value.complaint_response_days),
      changed_by_user_id: admin_user_id,
      changed_at: context.clock.now().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return fromRow(await versions(context.store.db).where('v.id', '=', row.id).executeTakeFirstOrThrow());
}

/** Past versions, newest first: who changed the settings and to what. */
export async function operatorInfoHistory(context: ServiceContext): Promise<OperatorInfoVersion[]> {
  const rows = await versions(context.store.db).limit(maxOperatorInfoHistory).execute();
  return rows.map(fromRow);
}

/**
 * What the public pages and every report show: the account masked to its last 4 digits. Reports
 * call this one function so they all print the same details.
 */
export async function publicOperatorInfoOf(db: Db | Trx): Promise<(PublicOperatorInfo & { changed_at: string }) | null> {
  const current = await latest(db);
  if (current === null) return null;
  const { version: _version, changed_by_user_id: _by, changed_by_name: _name, changed_at, ...info } = current;
  return { ...publicOperatorInfo(info), changed_at };
}

/** The response deadline in days for a complaint filed now: the setting, or 15 before any is saved. */
export async function complaintResponseDaysIn(trx: Trx): Promise<number> {
  return (await latest(trx))?.complaint_response_days ?? defaultResponseDays;
}

/** The public details now, for the public page (routes hold no SQL). */
export function currentPublicOperatorInfo(context: ServiceContext): ReturnType<typeof publicOperatorInfoOf> {
  return publicOperatorInfoOf(context.store.db);
}
