import { sql, type Selectable } from 'kysely';
import {
  checkTransferOffer,
  consentDeadlinePassed,
  consentIsOpen,
  transferredPersonalFields,
  type TransferOfferInput,
  type TransferOfferRejectionCode,
} from '../../core/closure/transfer-offer-rules.js';
import { calendarDateOf } from '../../core/members/age.js';
import { RejectionError, reject } from '../../core/rejection.js';
import type { ClosureTransferConsentsTable, ClosureTransferOffersTable, Db } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { csvHeader, csvRecord } from '../exports/csv-writer.js';
import { column, keysetBatches, type ExportColumn } from '../exports/export-table.js';
import { getPlanIn } from '../funding/plan-in.js';
import { assertPaysForMembership } from '../member-queries.js';
import { findClosureIn } from './closure-rows.js';
import { notifyMemberships } from '../notifications/notify-memberships.js';

export type TransferOfferRow = Selectable<ClosureTransferOffersTable>;
export type TransferConsentState = ClosureTransferConsentsTable['consent'];

/** Consenting rows read, decrypted and written per keyset query: bounded memory however many members consent. */
export const transferExportBatchRows = 1_000;

function fail(code: TransferOfferRejectionCode, message: string, details?: Record<string, unknown>): never {
  throw new RejectionError(reject(code, message, details).rejection);
}

/**
 * The transfer file's columns, in their documented order (README, "Transfer offer"): the member
 * code, then exactly the personal fields the member agreed to hand over, then when she agreed. No
 * wallet, share, claim or health data.
 */
export const transferCsvColumns: readonly ExportColumn[] = [
  column('member_code', 'text', 'The membership\'s public code', '成员编号'),
  column('name', 'text', 'Full name', '姓名'),
  column('phone', 'text', 'Mobile phone (11 digits)', '手机号'),
  column('birth_date', 'date', 'Date of birth (YYYY-MM-DD)', '出生日期'),
  column('consented_at', 'instant', 'When the member consented (ISO 8601 UTC)', '同意时间'),
];

/** The notice every member of the plan gets, in the app and by e-mail (the outbox delivers it). */
function offerTexts(offer: { successor_name: string; product_name: string; consent_deadline: string }) {
  return {
    title_zh: `转入${offer.successor_name}「${offer.product_name}」的邀请`,
    title_en: `An offer to move to ${offer.successor_name}: ${offer.product_name}`,
    body_zh:
      `计划关闭后，您可以选择转入${offer.successor_name}的「${offer.product_name}」。如您同意，您的姓名、手机号和出生日期将在${offer.consent_deadline}之后交给${offer.successor_name}；` +
      `不同意则不会提供任何信息。请在${offer.consent_deadline}（含当日）之前在成员页面作出选择，之前可随时撤回。`,
    body_en:
      `After the plan closes you may move to ${offer.successor_name}'s ${offer.product_name}. If you consent, your name, phone number and date of birth ` +
      `are given to ${offer.successor_name} after ${offer.consent_deadline}; without your consent nothing is given. Decide on your membership page ` +
      `by ${offer.consent_deadline} (that day included); until then you may withdraw.`,
  };
}

/**
 * The operator records the plan's one transfer offer while its closure is announced (before or
 * after the close, before finalisation). In the same transaction every member of the plan (the
 * live memberships, and those the closure ended) gets a consent row and a notice per channel:
 * one INSERT … SELECT each, so a plan of millions is a few statements.
 */
export async function makeTransferOffer(
  context: ServiceContext,
  input: TransferOfferInput & { readonly plan_id: string; readonly offered_by: bigint | null },
): Promise<TransferOfferRow> {
  const now = context.clock.now().toISOString();
  return context.store.db.transaction().execute(async (trx) => {
    const plan = await getPlanIn(trx, input.plan_id);
    const closure = await findClosureIn(trx, plan.id);
    const existing = await trx.selectFrom('closure_transfer_offers').select('plan_id').where('plan_id', '=', plan.id).executeTakeFirst();
    const decision = checkTransferOffer(input, { today: calendarDateOf(now), closure_step: closure?.step ?? null, already_offered: existing !== undefined });
    if (!decision.ok) throw new RejectionError(decision.rejection);
    const offer = decision.value;
    const inserted = await trx
      .insertInto('closure_transfer_offers')
      .values({ plan_id: plan.id, ...offer, offered_at: now, offered_by: input.offered_by, member_count: 0n })
      .onConflict((conflict) => conflict.column('plan_id').doNothing())
      .returning('plan_id')
      .executeTakeFirst();
    // The primary key is the backstop of two operators offering at once.
    if (inserted === undefined) fail('TRANSFER_OFFER_EXISTS', 'The plan has its transfer offer already; a plan makes one.', { plan_id: plan.id });
    await sql`
      insert into closure_transfer_consents (plan_id, membership_id, member_code, person_id, consent, changed_at)
      select m.plan_id, m.id, m.member_code, m.person_id, 'none', null
      from memberships m
      where m.plan_id = ${plan.id}
        and (m.status in ('waiting', 'active')
          or exists (select 1 from membership_events e where e.membership_id = m.id and e.event = 'plan_closed'))
      order by m.id`.execute(trx);
    const texts = offerTexts(offer);
    await notifyMemberships(trx, { kind: 'closure_transfer_offer', ...texts }, sql`closure_transfer_consents c join memberships m on m.id = c.membership_id where c.plan_id = ${plan.id}`, {
      channels: ['in_app', 'email'],
      dedupe_prefix: (channel) => `transfer_offer:${plan.id}:${channel}:`,
      created_at: now,
    });
    const counted = await trx
      .selectFrom('closure_transfer_consents')
      .select((eb) => eb.fn.countAll<bigint | number>().as('n'))
      .where('plan_id', '=', plan.id)
      .executeTakeFirstOrThrow();
    return trx
      .updateTable('closure_transfer_offers')
      .set({ member_count: BigInt(counted.n) })
      .where('plan_id', '=', plan.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

async function findOffer(db: Db, plan_id: string): Promise<TransferOfferRow | undefined> {
  return db.selectFrom('closure_transfer_offers').selectAll().where('plan_id', '=', plan_id).executeTakeFirst();
}

async function getOffer(db: Db, plan_id: string): Promise<TransferOfferRow> {
  return (await findOffer(db, plan_id)) ?? fail('TRANSFER_OFFER_NOT_FOUND', `Plan ${plan_id} has no transfer offer.`, { plan_id });
}

export interface PublicTransferOffer {
  readonly offer: TransferOfferRow;
  readonly consent_open: boolean;
  /** How many consented: null until the deadline has passed (consents may change until then). */
  readonly consent_count: number | null;
}

async function consentCount(db: Db, plan_id: string): Promise<number> {
  const row = await db
    .selectFrom('closure_transfer_consents')
    .select((eb) => eb.fn.countAll<bigint | number>().as('n'))
    .where('plan_id', '=', plan_id)
    .where('consent', '=', 'given')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The plan's offer as anyone may read it: no names, and the count only once it is final. */
export async function publicTransferOffer(context: ServiceContext, plan_id: string): Promise<PublicTransferOffer> {
  const db = context.store.db;
  const offer = await getOffer(db, plan_id);
  const today = calendarDateOf(context.clock.now().toISOString());
  const passed = consentDeadlinePassed(offer.consent_deadline, today);
  return { offer, consent_open: !passed, consent_count: passed ? await consentCount(db, plan_id) : null };
}

export interface TransferConsentView {
  readonly membership_id: bigint;
  readonly member_code: string;
  readonly offer: TransferOfferRow;
  readonly consent: TransferConsentState;
  readonly changed_at: string | null;
  readonly consent_open: boolean;
  /** What a consent hands to the successor, in the file's order. */
  readonly shared_fields: readonly string[];
}

async function consentRowOf(db: Db, membership_id: bigint) {
  return (
    (await db.selectFrom('closure_transfer_consents').selectAll().where('membership_id', '=', membership_id).executeTakeFirst()) ??
    fail('TRANSFER_CONSENT_NOT_FOUND', `Membership ${membership_id} has no transfer offer to answer.`, { membership_id: membership_id.toString() })
  );
}

function consentView(row: Selectable<ClosureTransferConsentsTable>, offer: TransferOfferRow, now: string): TransferConsentView {
  return {
    membership_id: row.membership_id,
    member_code: row.member_code,
    offer,
    consent: row.consent,
    changed_at: row.changed_at,
    consent_open: consentIsOpen(offer.consent_deadline, calendarDateOf(now)),
    shared_fields: transferredPersonalFields,
  };
}

/** A membership's answer to its plan's offer, for the member who pays for it (MEMBERSHIP_NOT_FOUND for anyone else). */
export async function transferConsentOf(context: ServiceContext, membership_id: bigint, user_id: bigint): Promise<TransferConsentView> {
  await assertPaysForMembership(context, membership_id, user_id);
  const db = context.store.db;
  const row = await consentRowOf(db, membership_id);
  return consentView(row, await getOffer(db, row.plan_id), context.clock.now().toISOString());
}

/**
 * The member gives (consent true) or withdraws (false) her consent, until the deadline day ends
 * (TRANSFER_CONSENT_CLOSED after it). The same answer twice changes nothing, not even its time;
 * withdrawing what was never given leaves the row unanswered.
 */
export async function setTransferConsent(context: ServiceContext, membership_id: bigint, user_id: bigint, consent: boolean): Promise<TransferConsentView> {
  await assertPaysForMembership(context, membership_id, user_id);
  const now = context.clock.now().toISOString();
  return context.store.db.transaction().execute(async (trx) => {
    const row = await consentRowOf(trx, membership_id);
    const offer = await getOffer(trx, row.plan_id);
    if (!consentIsOpen(offer.consent_deadline, calendarDateOf(now))) {
      fail('TRANSFER_CONSENT_CLOSED', `Consent to the transfer closed at the end of ${offer.consent_deadline}.`, { consent_deadline: offer.consent_deadline });
    }
    const target: TransferConsentState = consent ? 'given' : row.consent === 'none' ? 'none' : 'withdrawn';
    if (target === row.consent) return consentView(row, offer, now);
    const updated = await trx
      .updateTable('closure_transfer_consents')
      .set({ consent: target, changed_at: now })
      .where('membership_id', '=', membership_id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return consentView(updated, offer, now);
  });
}

export interface TransferExport {
  readonly offer: TransferOfferRow;
  readonly row_count: number;
  /** The CSV text: the header row, then one chunk per keyset batch, each read when the consumer asks for it. */
  readonly chunks: AsyncGenerator<string>;
}

/**
 * After the deadline: the consenting members as CSV for the successor. Every refusal comes before
 * the first byte; then one personal_data_reads row per exported membership is written (one
 * INSERT … SELECT: who read, whose data, the member code, why) before any data leaves, as for an
 * administrator's lookup. The consents no longer change after the deadline, so the audit rows and
 * the file name the same members.
 */
export async function exportTransferConsents(context: ServiceContext, plan_id: string, reader_user_id: bigint, batch_rows = transferExportBatchRows): Promise<TransferExport> {
  const db = context.store.db;
  const now = context.clock.now().toISOString();
  const offer = await getOffer(db, plan_id);
  if (!consentDeadlinePassed(offer.consent_deadline, calendarDateOf(now))) {
    fail('TRANSFER_EXPORT_NOT_DUE', `Consents may change until the end of ${offer.consent_deadline}; export them after it.`, { consent_deadline: offer.consent_deadline });
  }
  const reason = `Transfer to ${offer.successor_name} (${offer.product_name}) with the member's consent, at the closure of plan ${plan_id}`;
  await sql`
    insert into personal_data_reads (reader_user_id, person_id, member_code, reason, at)
    select cast(${reader_user_id} as bigint), c.person_id, c.member_code, cast(${reason} as text), cast(${now} as text)
    from closure_transfer_consents c
    where c.plan_id = ${plan_id} and c.consent = 'given'
    order by c.member_code`.execute(db);
  const row_count = await consentCount(db, plan_id);
  const cipher = context.cipher;
  const fetch = (after: string | undefined, limit: number) => {
    let query = db
      .selectFrom('closure_transfer_consents as c')
      .innerJoin('persons as p', 'p.id', 'c.person_id')
      .select(['c.member_code', 'c.changed_at', 'p.name_enc', 'p.phone_enc', 'p.birth_date'])
      .where('c.plan_id', '=', plan_id)
      .where('c.consent', '=', 'given')
      .orderBy('c.member_code')
      .limit(limit);
    if (after !== undefined) query = query.where('c.member_code', '>', after);
    return query.execute();
  };
  async function* chunks(): AsyncGenerator<string> {
    yield csvHeader(transferCsvColumns);
    const batches = keysetBatches(
      fetch,
      (row) => row.member_code,
      (row) => ({
        member_code: row.member_code,
        name: cipher.decrypt(row.name_enc),
        phone: cipher.decrypt(row.phone_enc),
        birth_date: row.birth_date,
        consented_at: row.changed_at,
      }),
      batch_rows,
    );
    for await (const rows of batches) yield rows.map((row) => csvRecord(row, transferCsvColumns)).join('');
  }
  return { offer, row_count, chunks: chunks() };
}
