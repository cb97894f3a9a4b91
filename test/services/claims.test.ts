import { afterEach, beforeEach, expect, it } from 'vitest';
import { MemoryBlobStore } from '../../src/services/blobs/memory-blob-store.js';
import {
  appealClaim,
  approveForNotice,
  assignInvestigator,
  caseCard,
  endNotice,
  objectToClaim,
  publishNotice,
  recordFindings,
  recordFraud,
  rejectClaim,
  resolveObjection,
  startReview,
  submitClaim,
  type EvidenceFile,
  type SubmitClaimInput,
} from '../../src/services/claims/index.js';
import { activateDueMemberships, enrolMembers } from '../../src/services/members.js';
import { changeMembershipStatus } from '../../src/services/membership-status.js';
import { ensureSamplePlans } from '../../src/services/plans.js';
import { describeEachBackend } from '../support/test-stores.js';
import { noToAll, personBornOn, testContext, type TestContext } from '../support/test-context.js';
import { codeOf } from '../support/rejection-code.js';

const pdf = (text: string): EvidenceFile => ({ bytes: Buffer.from(`%PDF-1.7\n${text}\n%%EOF`), content_type: 'application/pdf', file_name: `吴晓漫_病理报告_${text}.pdf` });
const png: EvidenceFile = { bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), content_type: 'image/png', file_name: 'scan-wuxiaoman.png' };
const jpeg: EvidenceFile = { bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 9, 9]), content_type: 'image/jpeg', file_name: 'discharge-note.jpg' };

const claimTables = ['claims', 'claim_events', 'claim_evidence', 'investigations', 'objections', 'fraud_findings'] as const;

describeEachBackend('claims', (dialect) => {
  let context: TestContext;
  let blobs: MemoryBlobStore;
  let patient: bigint;
  let objector: bigint;
  let neighbour: bigint;
  let investigator: bigint;
  let otherInvestigator: bigint;
  const patientPerson = personBornOn('1990-05-17', 1);

  async function counts(): Promise<Record<string, bigint>> {
    const result: Record<string, bigint> = {};
    for (const table of claimTables) {
      const row = await context.store.db.selectFrom(table).select((eb) => eb.fn.countAll<bigint>().as('n')).executeTakeFirstOrThrow();
      result[table] = BigInt(row.n);
    }
    result.blobs = BigInt(blobs.size);
    return result;
  }

  async function user(username: string, roles: string): Promise<bigint> {
    const row = await context.store.db
      .insertInto('users')
      .values({ username, display_name: username, password_hash: 'x', roles, created_at: '2026-11-28T10:00:00.000Z', disabled_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  function claimInput(overrides: Partial<SubmitClaimInput> = {}): SubmitClaimInput {
    return { membership_id: patient, submitted_by_user_id: null, illness_code: 'CI-01', diagnosis_date: '2027-03-10', hospital: '北京协和医院', files: [pdf('a'), png], ...overrides };
  }

  async function claimState(claim_id: bigint): Promise<string> {
    return (await context.store.db.selectFrom('claims').select('state').where('id', '=', claim_id).executeTakeFirstOrThrow()).state;
  }

  /** A claim taken through review to the start of its public notice. */
  async function claimInNotice(): Promise<bigint> {
    const { claim_id } = await submitClaim(context, claimInput(), blobs);
    await startReview(context, claim_id, 'user:reviewer');
    await approveForNotice(context, claim_id, 'user:reviewer');
    await publishNotice(context, claim_id, 'user:reviewer');
    return claim_id;
  }

  beforeEach(async () => {
    context = await testContext(dialect);
    blobs = new MemoryBlobStore();
    await ensureSamplePlans(context);
    const enrolled = await enrolMembers(
      context,
      [patientPerson, personBornOn('1985-01-01', 2), personBornOn('1980-01-01', 3)].map((person) => ({ plan_id: 'critical-illness', payer_user_id: null, person, answers: noToAll })),
    );
    [patient, objector, neighbour] = enrolled.map((result) => (result.ok ? result.value.membership_id : 0n)) as [bigint, bigint, bigint];
    investigator = await user('investigator-1', 'investigator');
    otherInvestigator = await user('investigator-2', 'investigator');
    await user('reviewer-1', 'reviewer');
    context.clock.set('2027-03-01T00:00:00.000Z');
    expect(await activateDueMemberships(context)).toBe(3);
    context.clock.set('2027-03-15T10:00:00.000Z');
  });
  afterEach(async () => context.store.close());

  it('takes a claim from submission through investigation and public notice to approval, auditing every step', async () => {
    const submitted = await submitClaim(context, claimInput(), blobs);
    expect(submitted).toMatchObject({ state: 'submitted', age_at_diagnosis_years: 36, aid_minor: 30_000_000n, evidence_files: 2 });
    expect(submitted.case_number).toMatch(/^C[0-9A-HJKMNP-TV-Z]{12}$/);
    const claim_id = submitted.claim_id;
    const evidence = await context.store.db.selectFrom('claim_evidence').selectAll().where('claim_id', '=', claim_id).orderBy('id').execute();
    expect(evidence.map((row) => [row.kind, row.content_type, row.size_bytes])).toEqual([
      ['claimant', 'application/pdf', BigInt(pdf('a').bytes.length)],
      ['claimant', 'image/png', BigInt(png.bytes.length)],
    ]);
    for (const row of evidence) expect(await blobs.has(row.sha256)).toBe(true);

    await startReview(context, claim_id, 'user:reviewer');
    await assignInvestigator(context, claim_id, investigator, 'user:reviewer');
    expect(await claimState(claim_id)).toBe('investigating');
    await recordFindings(context, claim_id, investigator, { findings: 'Pathology report confirmed with the hospital.', recommendation: 'approve', files: [jpeg] }, blobs);
    expect(await claimState(claim_id)).toBe('in_review');
    const investigation = await context.store.db.selectFrom('investigations').selectAll().where('claim_id', '=', claim_id).executeTakeFirstOrThrow();
    expect(investigation).toMatchObject({ investigator_user_id: investigator, recommendation: 'approve', completed_at: '2027-03-15T10:00:00.000Z' });
    await approveForNotice(context, claim_id, 'user:reviewer');
    const published = await publishNotice(context, claim_id, 'user:reviewer');
    expect(published).toMatchObject({ state: 'in_notice', notice_starts_at: '2027-03-15T10:00:00.000Z', notice_ends_at: '2027-03-22T10:00:00.000Z' });
    expect(await codeOf(endNotice(context, claim_id, 'system'))).toBe('CLAIM_NOTICE_NOT_OVER');
    context.clock.set('2027-03-22T10:00:00.000Z');
    expect((await endNotice(context, claim_id, 'system')).state).toBe('approved');

    const events = await context.store.db.selectFrom('claim_events').selectAll().where('claim_id', '=', claim_id).orderBy('id').execute();
    expect(events.map((event) => [event.event, event.from_state, event.to_state])).toEqual([
      ['submit', null, 'submitted'],
      ['start_review', 'submitted', 'in_review'],
      ['request_investigation', 'in_review', 'investigating'],
      ['record_findings', 'investigating', 'in_review'],
      ['approve_for_notice', 'in_review', 'approved_for_notice'],
      ['publish_notice', 'approved_for_notice', 'in_notice'],
      ['end_notice', 'in_notice', 'approved'],
    ]);
    const publish = events[5]!;
    expect(JSON.parse(publish.before_json!)).toMatchObject({ state: 'approved_for_notice', notice_ends_at: null, aid_minor: '30000000' });
    expect(JSON.parse(publish.after_json)).toMatchObject({ state: 'in_notice', notice_ends_at: '2027-03-22T10:00:00.000Z' });
    expect(events[3]).toMatchObject({ actor: `user:${investigator}` });
    // One aid per member per plan: once approved, a claim for another diagnosis is refused.
    expect(await codeOf(submitClaim(context, claimInput({ illness_code: 'CI-02', diagnosis_date: '2027-03-20' }), blobs))).toBe('CLAIM_AID_LIMIT_REACHED');
  });

  it('lets only the assigned investigator report, and only an investigator be assigned', async () => {
    const { claim_id } = await submitClaim(context, claimInput(), blobs);
    await startReview(context, claim_id, 'user:reviewer');
    const reviewer = (await context.store.db.selectFrom('users').select('id').where('username', '=', 'reviewer-1').executeTakeFirstOrThrow()).id;
    expect(await codeOf(assignInvestigator(context, claim_id, reviewer, 'user:reviewer'))).toBe('CLAIM_INVESTIGATOR_NOT_FOUND');
    await assignInvestigator(context, claim_id, investigator, 'user:reviewer');
    const before = await counts();
    expect(await codeOf(recordFindings(context, claim_id, otherInvestigator, { findings: 'x', recommendation: 'reject' }))).toBe('CLAIM_NOT_ASSIGNED');
    expect(await counts()).toEqual(before);
    expect(await codeOf(approveForNotice(context, claim_id, 'user:reviewer'))).toBe('CLAIM_BAD_TRANSITION');
    await recordFindings(context, claim_id, investigator, { findings: 'The diagnosis predates joining.', recommendation: 'reject' });
    await rejectClaim(context, claim_id, 'PRE_EXISTING_CONDITION', 'Hospital records from 2025 show the tumour.', 'user:reviewer');
    expect(await context.store.db.selectFrom('claims').select(['state', 'rejection_code', 'rejection_text']).where('id', '=', claim_id).executeTakeFirstOrThrow()).toEqual({
      state: 'rejected',
      rejection_code: 'PRE_EXISTING_CONDITION',
      rejection_text: 'Hospital records from 2025 show the tumour.',
    });
  });

  it('resolves objections: dismissed goes on with the notice, upheld returns to review, referred goes to the jury', async () => {
    const claim_id = await claimInNotice();
    const first = await objectToClaim(context, claim_id, objector, 'I saw the patient at work last week.');
    expect(await claimState(claim_id)).toBe('objected');
    const second = await objectToClaim(context, claim_id, neighbour, 'The hospital name looks wrong.');
    expect(await claimState(claim_id)).toBe('objected');
    expect(await codeOf(objectToClaim(context, claim_id, objector, 'Again'))).toBe('CLAIM_OBJECTION_EXISTS');
    expect(await codeOf(objectToClaim(context, claim_id, patient, 'My own case'))).toBe('CLAIM_OBJECTOR_NOT_ELIGIBLE');
    await resolveObjection(context, first.id, 'dismiss', 'The patient works from hospital on a laptop.', 'user:reviewer');
    // Another objection is still open: the claim stays objected.
    expect(await claimState(claim_id)).toBe('objected');
    const { claim } = await resolveObjection(context, second.id, 'dismiss', 'The hospital confirmed the report.', 'user:reviewer');
    expect(claim.state).toBe('in_notice');
    expect(await codeOf(resolveObjection(context, second.id, 'uphold', 'again', 'user:reviewer'))).toBe('CLAIM_OBJECTION_CLOSED');

    const third = await objectToClaim(context, claim_id, objector, 'New information: the report is forged.');
    context.clock.set('2027-03-23T00:00:00.000Z');
    expect(await codeOf(endNotice(context, claim_id, 'system'))).toBe('CLAIM_OPEN_OBJECTIONS');
    expect((await resolveObjection(context, third.id, 'uphold', 'Sent back for a second review.', 'user:reviewer')).claim.state).toBe('in_review');
    await approveForNotice(context, claim_id, 'user:reviewer');
    await publishNotice(context, claim_id, 'user:reviewer');
    const fourth = await objectToClaim(context, claim_id, neighbour, 'Still disputed.');
    expect((await resolveObjection(context, fourth.id, 'refer_to_jury', 'The members decide.', 'user:reviewer')).claim.state).toBe('in_jury');
    const statuses = await context.store.db.selectFrom('objections').select('status').where('claim_id', '=', claim_id).orderBy('id').execute();
    expect(statuses.map((row) => row.status)).toEqual(['dismissed', 'dismissed', 'upheld', 'referred']);
  });

  it('ends the notice only with no open objection, and takes objections only from active members of the plan', async () => {
    const claim_id = await claimInNotice();
    await changeMembershipStatus(context, neighbour, 'payment_lapsed', 'Share not collected', 'system');
    expect(await codeOf(objectToClaim(context, claim_id, neighbour, 'Lapsed but curious'))).toBe('CLAIM_OBJECTOR_NOT_ELIGIBLE');
    const objection = await objectToClaim(context, claim_id, objector, 'Doubtful.');
    await resolveObjection(context, objection.id, 'dismiss', 'Checked.', 'user:reviewer');
    await objectToClaim(context, claim_id, objector, 'Doubtful again.');
    context.clock.set('2027-03-22T10:00:00.000Z');
    expect(await codeOf(objectToClaim(context, claim_id, objector, 'Too late'))).toBe('CLAIM_NOT_IN_NOTICE');
    const open = await context.store.db.selectFrom('objections').select('id').where('status', '=', 'open').executeTakeFirstOrThrow();
    await resolveObjection(context, open.id, 'dismiss', 'Checked again.', 'user:reviewer');
    expect((await endNotice(context, claim_id, 'system')).state).toBe('approved');
  });

  it('appeals a rejection, with reasons only from the fixed list', async () => {
    const { claim_id } = await submitClaim(context, claimInput(), blobs);
    await startReview(context, claim_id, 'user:reviewer');
    expect(await codeOf(rejectClaim(context, claim_id, 'I_DONT_LIKE_IT', 'x', 'user:reviewer'))).toBe('CLAIM_BAD_REASON_CODE');
    expect(await codeOf(rejectClaim(context, claim_id, 'FRAUD', 'x', 'user:reviewer'))).toBe('CLAIM_BAD_REASON_CODE');
    await rejectClaim(context, claim_id, 'INSUFFICIENT_EVIDENCE', 'The pathology report is missing.', 'user:reviewer');
    expect(await codeOf(appealClaim(context, claim_id, '   ', 'user:member'))).toBe('CLAIM_BAD_TEXT');
    expect((await appealClaim(context, claim_id, 'The pathology report is attached now.', 'user:member')).state).toBe('appealed');
    expect(await codeOf(appealClaim(context, claim_id, 'twice', 'user:member'))).toBe('CLAIM_BAD_TRANSITION');
    const last = await context.store.db.selectFrom('claim_events').selectAll().where('claim_id', '=', claim_id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(last).toMatchObject({ event: 'appeal', from_state: 'rejected', to_state: 'appealed', actor: 'user:member', reason: 'Appeal: The pathology report is attached now.' });
    // A live (rejected, appealed) claim still blocks a second claim for the same diagnosis.
    expect(await codeOf(submitClaim(context, claimInput(), blobs))).toBe('CLAIM_DUPLICATE');
  });

  it('refuses each bad claim with a stable code and writes nothing', async () => {
    const { claim_id } = await submitClaim(context, claimInput(), blobs);
    const before = await counts();
    const refused = async (input: Partial<SubmitClaimInput>) => codeOf(submitClaim(context, claimInput(input), blobs));
    expect(await refused({})).toBe('CLAIM_DUPLICATE');
    expect(await refused({ illness_code: 'CI-99', diagnosis_date: '2027-03-11' })).toBe('CLAIM_ILLNESS_NOT_COVERED');
    expect(await refused({ diagnosis_date: '2027-03-16' })).toBe('CLAIM_DIAGNOSIS_IN_FUTURE');
    expect(await refused({ diagnosis_date: '2027-02-30' })).toBe('CLAIM_BAD_DIAGNOSIS_DATE');
    expect(await refused({ diagnosis_date: '2027-03-12', files: [] })).toBe('CLAIM_NO_EVIDENCE');
    const oversized: EvidenceFile = { bytes: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024)]), content_type: 'application/pdf', file_name: 'big.pdf' };
    expect(await refused({ diagnosis_date: '2027-03-12', files: [pdf('ok'), oversized] })).toBe('CLAIM_FILE_TOO_LARGE');
    expect(await refused({ diagnosis_date: '2027-03-12', files: [{ bytes: Buffer.from('MZ\x90\x00 not a pdf'), content_type: 'application/pdf', file_name: 'report.pdf' }] })).toBe('CLAIM_FILE_TYPE_NOT_ALLOWED');
    expect(await refused({ diagnosis_date: '2027-03-12', files: [{ bytes: Buffer.from('plain text'), content_type: 'text/plain', file_name: 'notes.txt' }] })).toBe('CLAIM_FILE_TYPE_NOT_ALLOWED');
    expect(await refused({ diagnosis_date: '2027-03-12', files: [{ ...png, content_type: 'image/jpeg' }] })).toBe('CLAIM_FILE_TYPE_NOT_ALLOWED');
    expect(await refused({ diagnosis_date: '2027-03-12', files: [{ ...pdf('x'), file_name: '../../etc/passwd' }] })).toBe('CLAIM_BAD_FILE_NAME');
    expect(await refused({ diagnosis_date: '2027-03-12', files: Array.from({ length: 21 }, (_, index) => pdf(String(index))) })).toBe('CLAIM_TOO_MANY_FILES');
    expect(await codeOf(objectToClaim(context, claim_id, objector, 'Not in notice yet'))).toBe('CLAIM_NOT_IN_NOTICE');

    // Outside the claim window: 180 days after the diagnosis have passed.
    context.clock.set('2027-09-07T10:00:00.000Z');
    expect(await refused({ diagnosis_date: '2027-03-09' })).toBe('CLAIM_OUTSIDE_WINDOW');
    // A lapsed member: cover stopped before the diagnosis.
    context.clock.set('2027-03-12T10:00:00.000Z');
    await changeMembershipStatus(context, neighbour, 'payment_lapsed', 'Share not collected', 'system');
    context.clock.set('2027-03-20T10:00:00.000Z');
    expect(await refused({ membership_id: neighbour, diagnosis_date: '2027-03-14' })).toBe('CLAIM_NOT_COVERED_AT_DIAGNOSIS');
    expect(await refused({ membership_id: 999_999n })).toBe('CLAIM_MEMBERSHIP_NOT_FOUND');
    expect(await counts()).toEqual(before);
  });

  it('ends a waiting membership whose diagnosis falls in the waiting period, and writes no claim', async () => {
    const [late] = await enrolMembers(context, [{ plan_id: 'critical-illness', payer_user_id: null, person: personBornOn('1992-02-02', 4), answers: noToAll }]);
    if (!late!.ok) throw new Error('enrol failed');
    const waiting = late!.value.membership_id;
    context.clock.set('2027-03-20T10:00:00.000Z');
    const before = await counts();
    expect(await codeOf(submitClaim(context, claimInput({ membership_id: waiting, diagnosis_date: '2027-03-18' }), blobs))).toBe('CLAIM_IN_WAITING_PERIOD');
    expect(await counts()).toEqual(before);
    const membership = await context.store.db.selectFrom('memberships').select('status').where('id', '=', waiting).executeTakeFirstOrThrow();
    expect(membership.status).toBe('withdrawn');
    const event = await context.store.db.selectFrom('membership_events').selectAll().where('membership_id', '=', waiting).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(event).toMatchObject({ event: 'diagnosed_in_waiting_period', to_status: 'withdrawn' });
    // Now withdrawn: a second try is refused the same way and changes nothing more.
    expect(await codeOf(submitClaim(context, claimInput({ membership_id: waiting, diagnosis_date: '2027-03-18' }), blobs))).toBe('CLAIM_IN_WAITING_PERIOD');
  });

  it('records fraud: the claim is finally rejected, the membership terminated, the finding kept', async () => {
    const claim_id = await claimInNotice();
    const objection = await objectToClaim(context, claim_id, objector, 'The patient was treated for this in 2024.');
    const result = await recordFraud(context, claim_id, 'Concealed a 2024 diagnosis on joining.', 'user:reviewer');
    expect(result.claim).toMatchObject({ state: 'rejected_final', rejection_code: 'FRAUD' });
    expect(result.membership_status).toBe('terminated');
    const membership = await context.store.db.selectFrom('memberships').select('status').where('id', '=', patient).executeTakeFirstOrThrow();
    expect(membership.status).toBe('terminated');
    const findings = await context.store.db.selectFrom('fraud_findings').selectAll().execute();
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ membership_id: patient, claim_id, finding: 'Concealed a 2024 diagnosis on joining.', recorded_by: 'user:reviewer' });
    const objectionRow = await context.store.db.selectFrom('objections').select('status').where('id', '=', objection.id).executeTakeFirstOrThrow();
    expect(objectionRow.status).toBe('upheld');
    const history = await context.store.db.selectFrom('membership_events').select(['event', 'to_status']).where('membership_id', '=', patient).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(history).toEqual({ event: 'fraud_found', to_status: 'terminated' });
    expect(await codeOf(recordFraud(context, claim_id, 'again', 'user:reviewer'))).toBe('CLAIM_BAD_TRANSITION');
    // A finally rejected claim no longer blocks its diagnosis; the terminated membership (cover void from joining) does.
    expect(await codeOf(submitClaim(context, claimInput(), blobs))).toBe('CLAIM_NOT_COVERED_AT_DIAGNOSIS');
  });

  it('publishes an anonymized case card holding no personal data', async () => {
    for (const [reference, status] of [['cycle-2026-12-14', 'paid'], ['cycle-2026-12-28', 'paid'], ['cycle-2027-01-14', 'due']] as const) {
      await context.store.db
        .insertInto('share_charges')
        .values({ membership_id: patient, plan_id: 'critical-illness', reference, amount_minor: 7n, status, attempts: 1n, retry_until: '2027-01-01', next_attempt_at: null, created_at: '2026-12-01T00:00:00.000Z', paid_at: null })
        .execute();
    }
    const { claim_id } = await submitClaim(context, claimInput(), blobs);
    expect(await codeOf(caseCard(context, claim_id))).toBe('CLAIM_NOT_PUBLIC');
    await startReview(context, claim_id, 'user:reviewer');
    await approveForNotice(context, claim_id, 'user:reviewer');
    await publishNotice(context, claim_id, 'user:reviewer');
    const card = await caseCard(context, claim_id);
    expect(card).toMatchObject({
      name_masked: '吴*漫',
      age_at_diagnosis_years: 36,
      gender: patientPerson.gender,
      province: '北京',
      illness: { code: 'CI-01', name_zh: '恶性肿瘤', name_en: 'Malignant tumour (cancer)' },
      aid_minor: 30_000_000n,
      days_as_member: 102,
      shares_paid_minor: 14n,
      people_helped: 2,
      state: 'in_notice',
    });
    const json = JSON.stringify(card, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
    const evidenceNames = (await context.store.db.selectFrom('claim_evidence').select('file_name').execute()).map((row) => row.file_name);
    const forbidden = [patientPerson.name, patientPerson.id_number, patientPerson.phone, patientPerson.birth_date, '北京协和医院', ...evidenceNames];
    for (const secret of forbidden) expect(json).not.toContain(secret);
    expect(json).not.toMatch(/"[a-z_]*_id"/);
    expect(json).not.toContain(patientPerson.id_number.slice(-6));
  });
});
