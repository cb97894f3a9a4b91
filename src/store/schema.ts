import type { ColumnType, Generated, Kysely } from 'kysely';

/**
 * Table types. Amounts and ids are bigint on both backends (better-sqlite3 with safe integers,
 * pg with an int8 parser), so no amount ever passes through a JS number.
 * Every integer column is BIGINT on both backends so it reads back as a bigint on both (SQLite's
 * safe integers make every INTEGER a bigint; pg's INTEGER would be a number).
 * Times are ISO 8601 UTC strings (`2026-11-28T12:00:00.000Z`), which sort as text on both backends.
 */
export interface UsersTable {
  id: Generated<bigint>;
  username: string;
  display_name: string;
  password_hash: string;
  /** Comma-separated role names, e.g. "operator,auditor". */
  roles: string;
  created_at: string;
  disabled_at: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the session token; the token itself is only in the member's cookie. */
  token_sha256: string;
  user_id: bigint;
  created_at: string;
  expires_at: string;
}

/** Idempotency keys of the money endpoints (0012), see src/services/idempotency-requests.ts. */
export interface IdempotencyRequestsTable {
  id: Generated<bigint>;
  user_id: bigint;
  method: string;
  /** The route pattern, e.g. `/api/memberships/:id/top-ups`. */
  route: string;
  idempotency_key: string;
  /** SHA-256 (hex) of the canonical JSON of the method, route, params and body. */
  request_sha256: string;
  state: 'in_progress' | 'completed';
  response_status: bigint | null;
  /** The response body exactly as first sent (JSON text). */
  response_body: string | null;
  created_at: string;
  completed_at: string | null;
  expires_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface LedgerAccountsTable {
  id: Generated<bigint>;
  code: string;
  name: string;
  type: string;
  currency: string;
  guard: string;
  /** Debits minus credits over all postings; checked against them by `ledger verify`. */
  net_debit_minor: ColumnType<bigint, bigint, bigint>;
  created_at: string;
}

export interface LedgerTransactionsTable {
  /** Journal sequence number: 1, 2, 3 … without gaps. */
  id: bigint;
  idempotency_key: string;
  payload_sha256: string;
  kind: string;
  description: string;
  currency: string;
  metadata_json: string;
  reverses_id: bigint | null;
  posted_at: string;
  prev_hash: string;
  hash: string;
}

export interface LedgerPostingsTable {
  transaction_id: bigint;
  leg_index: number;
  account_id: bigint;
  /** Signed: debit positive, credit negative. The legs of a transaction sum to zero. */
  amount_minor: bigint;
}

export interface LedgerHeadTable {
  id: number;
  seq: bigint;
  hash: string;
}

/** A manual posting asked for by one staff member and posted only once another approves it (0013). */
export interface ManualPostingsTable {
  id: Generated<bigint>;
  kind: 'transfer' | 'reversal';
  idempotency_key: string;
  /** The transfer the approval posts, as canonical JSON (amounts as strings). */
  request_json: string;
  request_sha256: string;
  reverses_id: bigint | null;
  status: 'pending' | 'approved' | 'rejected';
  requested_by: bigint;
  requested_at: string;
  decided_by: bigint | null;
  decided_at: string | null;
  decision_reason: string | null;
  transaction_id: bigint | null;
}

/** The ledger's audit trail: one row per staff action, with its Idempotency-Key (0013). */
export interface LedgerAuditEventsTable {
  id: Generated<bigint>;
  action: 'manual_posting_requested' | 'manual_posting_approved' | 'manual_posting_rejected' | 'account_opened';
  idempotency_key: string;
  request_sha256: string;
  actor_user_id: bigint;
  at: string;
  reason: string | null;
  manual_posting_id: bigint | null;
  account_code: string | null;
  transaction_id: bigint | null;
}

export interface PlansTable {
  id: string;
  name_zh: string;
  name_en: string;
  currency: string;
  status: 'open' | 'closed';
  created_at: string;
}

export interface PlanVersionsTable {
  plan_id: string;
  version: bigint;
  /** From this time on, the version's rules apply; set in the future when a version is added. */
  effective_at: string;
  rules_json: string;
  note: string;
  created_at: string;
  created_by: bigint | null;
}

export interface PersonsTable {
  id: Generated<bigint>;
  /** The account holder who pays for this person (themselves or a family member). */
  payer_user_id: bigint | null;
  name_enc: string;
  name_masked: string;
  id_number_enc: string;
  id_number_hmac: string;
  id_number_masked: string;
  birth_date: string;
  gender: 'female' | 'male';
  province: string;
  phone_enc: string;
  phone_masked: string;
  relationship: string;
  demo: Generated<bigint>;
  created_at: string;
}

export interface MembershipsTable {
  id: Generated<bigint>;
  plan_id: string;
  plan_version: bigint;
  person_id: bigint;
  payer_user_id: bigint | null;
  member_code: string;
  status: 'waiting' | 'active' | 'lapsed' | 'withdrawn' | 'terminated' | 'ended';
  funding_model: 'post_paid' | 'prepaid';
  joined_at: string;
  /** First day of cover (YYYY-MM-DD). */
  waiting_until: string;
  status_changed_at: string;
  age_at_join_years: bigint;
  low_balance_notified_at: string | null;
  unpaid_since: string | null;
  demo: Generated<bigint>;
}

export interface MembershipEventsTable {
  id: Generated<bigint>;
  membership_id: bigint;
  event: string;
  from_status: string | null;
  to_status: string;
  reason: string;
  actor: string;
  at: string;
}

export interface HealthDeclarationsTable {
  membership_id: bigint;
  answers_json: string;
  declared_at: string;
}

export interface ShareChargesTable {
  id: Generated<bigint>;
  membership_id: bigint;
  plan_id: string;
  reference: string;
  amount_minor: bigint;
  status: 'due' | 'paid' | 'written_off' | 'refunded';
  attempts: bigint;
  retry_until: string;
  next_attempt_at: string | null;
  created_at: string;
  paid_at: string | null;
  /** When the member was warned that this unpaid charge will lapse the membership (0003). */
  warned_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PaymentsTable {
  id: Generated<bigint>;
  reference: string;
  gateway_payment_id: string | null;
  kind: 'collection' | 'top_up' | 'wallet_refund' | 'share_refund';
  membership_id: bigint;
  share_charge_id: bigint | null;
  amount_minor: bigint;
  currency: string;
  status: 'pending' | 'succeeded' | 'failed';
  failure_reason: string | null;
  created_at: string;
  settled_at: string | null;
  /** The failed payout this attempt repeats (0003). */
  retry_of_id: ColumnType<bigint | null, bigint | null | undefined, bigint | null>;
}

export interface WebhookDeliveriesTable {
  event_id: string;
  payload_sha256: string;
  received_at: string;
}

export interface NotificationsTable {
  id: Generated<bigint>;
  user_id: bigint | null;
  membership_id: bigint | null;
  kind: string;
  channel: 'in_app' | 'email' | 'sms';
  title_zh: string;
  title_en: string;
  body_zh: string;
  body_en: string;
  dedupe_key: string | null;
  created_at: string;
  delivered_at: string | null;
  read_at: string | null;
  /** A message to a contact rather than a user (0015): the address or number, encrypted, and its masked form. */
  recipient_enc: ColumnType<string | null, string | null | undefined, string | null>;
  recipient_masked: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A user's confirmed e-mail address or mobile number (0015), looked up by its keyed hash. */
export interface UserContactsTable {
  value_hmac: string;
  user_id: bigint;
  kind: 'email' | 'phone';
  value_enc: string;
  value_masked: string;
  confirmed_at: string;
}

/** The live one-time code of a contact for a purpose (0015); only its keyed hash. */
export interface ContactCodesTable {
  id: Generated<bigint>;
  purpose: 'signup' | 'password_reset';
  contact_hmac: string;
  kind: 'email' | 'phone';
  contact_enc: string;
  contact_masked: string;
  /** The account a reset is for; null for a sign-up (and for a request that reaches no account). */
  user_id: bigint | null;
  /** A sign-up's account, made when the code is confirmed. */
  display_name: string | null;
  password_hash: string | null;
  code_hash: string;
  attempts: ColumnType<bigint, bigint | undefined, bigint>;
  created_at: string;
  expires_at: string;
}

/** When a code was asked for a contact (0015), for the per-contact cooldown and hourly cap. */
export interface ContactRequestsTable {
  id: Generated<bigint>;
  contact_hmac: string;
  purpose: string;
  at: string;
}

/** An administrator's read of a person's full data (0017): who, whom, when, why. Insert only. */
export interface PersonalDataReadsTable {
  id: Generated<bigint>;
  reader_user_id: bigint;
  person_id: bigint;
  /** The member code the lookup started from; null when it started from the person id. */
  member_code: string | null;
  reason: string;
  at: string;
}

export interface Database {
  plans: PlansTable;
  plan_versions: PlanVersionsTable;
  persons: PersonsTable;
  memberships: MembershipsTable;
  membership_events: MembershipEventsTable;
  health_declarations: HealthDeclarationsTable;
  share_charges: ShareChargesTable;
  payments: PaymentsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  notifications: NotificationsTable;
  claims: ClaimsTable;
  claim_events: ClaimEventsTable;
  claim_evidence: ClaimEvidenceTable;
  investigations: InvestigationsTable;
  objections: ObjectionsTable;
  fraud_findings: FraudFindingsTable;
  claim_notes: ClaimNotesTable;
  juror_qualifications: JurorQualificationsTable;
  juries: JuriesTable;
  jury_panels: JuryPanelsTable;
  jury_voted: JuryVotedTable;
  jury_ballots: JuryBallotsTable;
  cycles: CyclesTable;
  cycle_cases: CycleCasesTable;
  cycle_members: CycleMembersTable;
  cycle_steps: CycleStepsTable;
  cycle_proof_chunks: CycleProofChunksTable;
  cycle_export_pages: CycleExportPagesTable;
  cycle_jobs: CycleJobsTable;
  aid_payouts: AidPayoutsTable;
  aid_payout_attempts: AidPayoutAttemptsTable;
  operator_advances: OperatorAdvancesTable;
  users: UsersTable;
  sessions: SessionsTable;
  user_contacts: UserContactsTable;
  contact_codes: ContactCodesTable;
  contact_requests: ContactRequestsTable;
  personal_data_reads: PersonalDataReadsTable;
  idempotency_requests: IdempotencyRequestsTable;
  settings: SettingsTable;
  ledger_accounts: LedgerAccountsTable;
  ledger_transactions: LedgerTransactionsTable;
  ledger_postings: LedgerPostingsTable;
  ledger_head: LedgerHeadTable;
  manual_postings: ManualPostingsTable;
  ledger_audit_events: LedgerAuditEventsTable;
  plan_cycle_metrics: PlanCycleMetricsTable;
  sustainability_alerts: SustainabilityAlertsTable;
  simulation_runs: SimulationRunsTable;
  bank_statements: BankStatementsTable;
  bank_statement_lines: BankStatementLinesTable;
  reconciliation_matches: ReconciliationMatchesTable;
  reconciliation_breaks: ReconciliationBreaksTable;
  reconciliation_days: ReconciliationDaysTable;
  complaints: ComplaintsTable;
  complaint_events: ComplaintEventsTable;
  operator_info_versions: OperatorInfoVersionsTable;
  proposals: ProposalsTable;
  proposal_voters: ProposalVotersTable;
  proposal_ballots: ProposalBallotsTable;
  proposal_leaves: ProposalLeavesTable;
  supervisor_reports: SupervisorReportsTable;
  plan_closures: PlanClosuresTable;
  plan_closure_members: PlanClosureMembersTable;
  closure_report_attempts: ClosureReportAttemptsTable;
  closure_report_pages: ClosureReportPagesTable;
  closure_transfer_offers: ClosureTransferOffersTable;
  closure_transfer_consents: ClosureTransferConsentsTable;
}

export type Db = Kysely<Database>;
export type DialectName = 'sqlite' | 'postgres';

/** Claims (0004). States are those of src/core/claims/claim-lifecycle.ts. */
export interface ClaimsTable {
  id: Generated<bigint>;
  /** Public id of the case (case card, notices); the numeric id stays internal. */
  case_number: string;
  membership_id: bigint;
  plan_id: string;
  member_code: string;
  person_id: bigint;
  /** The plan version in force at diagnosis, whose rules the claim was assessed by. */
  plan_version: bigint;
  illness_code: string;
  /** YYYY-MM-DD */
  diagnosis_date: string;
  /** Private: never on the case card. */
  hospital: string;
  state: 'submitted' | 'in_review' | 'investigating' | 'approved_for_notice' | 'in_notice' | 'objected' | 'in_jury' | 'approved' | 'scheduled' | 'paid' | 'rejected' | 'appealed' | 'rejected_final';
  age_at_diagnosis_years: bigint;
  aid_minor: bigint;
  rejection_code: string | null;
  rejection_text: string | null;
  submitted_by_user_id: bigint | null;
  submitted_at: string;
  state_changed_at: string;
  notice_starts_at: string | null;
  notice_ends_at: string | null;
  jury_seed_hex: string | null;
}

/** The audit trail: one row per transition, with who, when, why, and the claim before and after. */
export interface ClaimEventsTable {
  id: Generated<bigint>;
  claim_id: bigint;
  event: string;
  from_state: string | null;
  to_state: string;
  actor: string;
  reason: string;
  before_json: string | null;
  after_json: string;
  at: string;
}

/** Evidence files: bytes in the blob store by SHA-256; never public. */
export interface ClaimEvidenceTable {
  id: Generated<bigint>;
  claim_id: bigint;
  kind: 'claimant' | 'investigation';
  sha256: string;
  content_type: string;
  size_bytes: bigint;
  /** Private: the name as uploaded, which may itself name the patient. */
  file_name: string;
  uploaded_by_user_id: bigint | null;
  uploaded_at: string;
}

export interface InvestigationsTable {
  id: Generated<bigint>;
  claim_id: bigint;
  investigator_user_id: bigint;
  assigned_at: string;
  findings: string | null;
  recommendation: 'approve' | 'reject' | null;
  completed_at: string | null;
}

export interface ObjectionsTable {
  id: Generated<bigint>;
  claim_id: bigint;
  objector_membership_id: bigint;
  reason: string;
  status: 'open' | 'dismissed' | 'upheld' | 'referred';
  resolved_by: string | null;
  resolution: string | null;
  created_at: string;
  resolved_at: string | null;
}

/** Staff notes on a claim (0016): append-only. */
export interface ClaimNotesTable {
  id: Generated<bigint>;
  claim_id: bigint;
  author_user_id: bigint;
  body: string;
  created_at: string;
}

export interface FraudFindingsTable {
  id: Generated<bigint>;
  membership_id: bigint;
  person_id: bigint;
  claim_id: bigint | null;
  finding: string;
  recorded_by: string;
  at: string;
}

/** The members' jury (0005). */
export interface JurorQualificationsTable {
  membership_id: bigint;
  correct_answers: bigint;
  passed_at: string;
}

export interface JuriesTable {
  claim_id: bigint;
  seed_hex: string;
  seed_ledger_seq: bigint;
  seed_ledger_hash: string;
  eligible_codes_json: string;
  eligible_count: bigint;
  panel_size: bigint;
  quorum: bigint;
  opens_at: string;
  closes_at: string;
  opened_by: string;
  closed_at: string | null;
  closed_by: string | null;
  approve_votes: bigint | null;
  reject_votes: bigint | null;
  verdict: 'approve' | 'reject' | 'operator_decides' | null;
  verdict_reason: string | null;
  operator_decision: 'approve' | 'reject' | null;
  operator_decided_by: string | null;
  operator_decided_at: string | null;
}

export interface JuryPanelsTable {
  claim_id: bigint;
  member_code: string;
  membership_id: bigint;
  position: bigint;
  rank_hex: string;
}

export interface JuryVotedTable {
  claim_id: bigint;
  member_code: string;
  voted_at: string;
}

export interface JuryBallotsTable {
  ballot_hex: string;
  claim_id: bigint;
  choice: 'approve' | 'reject';
}

/** Sharing cycles (0006). */
export interface CyclesTable {
  id: Generated<bigint>;
  /** The public cycle id (export, seed, Merkle leaves). */
  cycle_code: string;
  plan_id: string;
  /** 1, 2, 3 … per plan. */
  sequence: bigint;
  currency: string;
  funding_model: 'post_paid' | 'prepaid';
  snapshot_at: string;
  collection_at: string;
  status: 'running' | 'completed';
  run_token: string | null;
  run_lease_until: string | null;
  previous_root_hex: string;
  seed_hex: string;
  fee_bps: bigint;
  aid_total_minor: bigint;
  fee_minor: bigint;
  surplus_in_minor: bigint;
  total_minor: bigint;
  surplus_out_minor: bigint;
  weight_scheme: string;
  cap_policy: 'backstop' | 'reduce_aid';
  member_count: bigint | null;
  weight_total: bigint | null;
  share_total_minor: bigint | null;
  capped_total_minor: bigint | null;
  merkle_root_hex: string | null;
  header_json: string | null;
  signature_hex: string | null;
  export_sha256: string | null;
  created_at: string;
  completed_at: string | null;
  /** The charge step's figures (migration 0014): null before it ran. Receivables + wallet deductions made. */
  charged_minor: bigint | null;
  /** Prepaid shares the wallets could not pay at the charge step: booked as shares receivable. */
  shortfall_minor: bigint | null;
  /** What the operator's backstop paid in for the caps (0 under "reduce_aid"). */
  backstop_minor: bigint | null;
  /** Σ of the cases' payable aid (after a "reduce_aid" cut). */
  aid_payable_minor: bigint | null;
  /** The management fee moved to fee payable (after a "reduce_aid" cut larger than the aid). */
  fee_payable_minor: bigint | null;
}

export interface CycleCasesTable {
  cycle_id: bigint;
  claim_id: bigint;
  case_number: string;
  aid_minor: bigint;
  payable_minor: bigint;
}

/** One covered member of a cycle: the snapshot (weight, cap room), then the allocation. */
export interface CycleMembersTable {
  cycle_id: bigint;
  member_code: string;
  membership_id: bigint;
  weight: bigint;
  cap_room_minor: bigint | null;
  tie_key: bigint | null;
  allocated_minor: ColumnType<bigint, bigint | undefined, bigint>;
  share_minor: ColumnType<bigint, bigint | undefined, bigint>;
  capped_minor: ColumnType<bigint, bigint | undefined, bigint>;
}

export interface CycleStepsTable {
  cycle_id: bigint;
  step: string;
  detail_json: string;
  completed_at: string;
}

/** A cycle run asked for over HTTP (0011): its progress, then its result or error. */
export interface CycleJobsTable {
  id: Generated<bigint>;
  plan_id: string;
  run_at: string | null;
  status: 'running' | 'succeeded' | 'failed' | 'interrupted';
  cycle_code: string | null;
  step: string | null;
  steps_done: ColumnType<bigint, bigint | undefined, bigint>;
  steps_total: bigint;
  result_json: string | null;
  error_code: string | null;
  error_message: string | null;
  owner: string;
  lease_until: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

/** Aid payouts (0007): the payable of an approved claim scheduled in a cycle. */
export interface AidPayoutsTable {
  id: Generated<bigint>;
  claim_id: bigint;
  cycle_id: bigint;
  plan_id: string;
  currency: string;
  amount_minor: bigint;
  status: 'due' | 'in_flight' | 'paid' | 'failed';
  attempts: ColumnType<bigint, bigint | undefined, bigint>;
  attempt_limit: bigint;
  next_attempt_at: string | null;
  last_failure_reason: string | null;
  scheduled_by: string;
  created_at: string;
  paid_at: string | null;
}

/** One try to pay an aid payout through the provider. */
export interface AidPayoutAttemptsTable {
  id: Generated<bigint>;
  payout_id: bigint;
  attempt: bigint;
  reference: string;
  gateway_payment_id: string | null;
  amount_minor: bigint;
  currency: string;
  status: 'pending' | 'succeeded' | 'failed';
  failure_reason: string | null;
  created_at: string;
  settled_at: string | null;
}

/** Cash the operator advanced to a plan to pay aid, and its repayments. */
export interface OperatorAdvancesTable {
  id: Generated<bigint>;
  plan_id: string;
  currency: string;
  kind: 'advance' | 'repayment';
  amount_minor: bigint;
  actor: string;
  idempotency_key: string;
  ledger_transaction_id: bigint;
  created_at: string;
}

/** A cycle's published member lines, gzip-compressed in pages of whole lines (0009). */
export interface CycleExportPagesTable {
  cycle_id: bigint;
  page_index: bigint;
  line_count: bigint;
  gzip_bytes: Uint8Array;
}

/** The root of each block of PROOF_CHUNK_LEAVES leaves of a cycle's Merkle tree (0008). */
export interface CycleProofChunksTable {
  cycle_id: bigint;
  chunk_index: bigint;
  first_member_code: string;
  leaf_count: bigint;
  root_hex: string;
}

/** A completed cycle's sustainability metrics (0021): its own figures and the 12 months to its snapshot. */
export interface PlanCycleMetricsTable {
  cycle_id: bigint;
  plan_id: string;
  cycle_code: string;
  sequence: bigint;
  snapshot_at: string;
  members_covered: bigint;
  share_per_member_minor: bigint;
  yearly_share_minor: bigint;
  /** `{ cycle, rolling }` of src/core/sustainability, amounts and counts as strings of digits. */
  metrics_json: string;
  computed_at: string;
}

/** An alert a cycle's metrics raised (0022): once per plan, cycle and kind. */
export interface SustainabilityAlertsTable {
  id: Generated<bigint>;
  plan_id: string;
  cycle_id: bigint;
  cycle_code: string;
  snapshot_at: string;
  kind: string;
  value: bigint;
  threshold: bigint;
  /** 1: shown on the public health page. */
  public: bigint;
  created_at: string;
}

/** Simulation runs (0023): a simulator run asked for over HTTP, its progress and its summary. */
export interface SimulationRunsTable {
  id: Generated<bigint>;
  plan_id: string | null;
  scenario_name: string;
  /** The validated request: scenario name, overrides, options, the plan's rules applied, the start date. */
  request_json: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  paths_done: ColumnType<bigint, bigint | undefined, bigint>;
  paths_total: bigint;
  error_code: string | null;
  error_message: string | null;
  /** The simulator's SimulationSummary, once done. */
  summary_json: string | null;
  /** 1: the plan's public forecast may show this run. */
  public: ColumnType<bigint, bigint | undefined, bigint>;
  requested_by: string;
  owner: string;
  lease_until: string;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

/** An imported bank statement of a custody account (0024); the same file twice is one row. */
export interface BankStatementsTable {
  id: Generated<bigint>;
  currency: string;
  layout: string;
  file_sha256: string;
  first_on: string;
  last_on: string;
  line_count: bigint;
  opening_balance_minor: bigint;
  closing_balance_minor: bigint;
  imported_by: bigint | null;
  imported_at: string;
}

/** One line of a bank statement; `line_key` is unique, so a line repeated by a later statement is stored once (0024). */
export interface BankStatementLinesTable {
  id: Generated<bigint>;
  statement_id: bigint;
  currency: string;
  line_number: bigint;
  line_key: string;
  booked_on: string;
  value_on: string | null;
  reference: string;
  description: string;
  counterparty: string;
  bank_serial: string;
  amount_minor: bigint;
  balance_after_minor: bigint;
}

/** A bank line matched to the ledger transfer it shows: each side at most once (0024). */
export interface ReconciliationMatchesTable {
  line_id: bigint;
  ledger_transaction_id: bigint;
  currency: string;
  ledger_on: string;
  bank_on: string;
  amount_minor: bigint;
}

/** A difference between the bank and the ledger, found once and resolved with a note (0024). */
export interface ReconciliationBreaksTable {
  id: Generated<bigint>;
  currency: string;
  kind: 'missing' | 'duplicated' | 'wrong_amount' | 'unknown';
  statement_id: bigint;
  line_id: bigint | null;
  ledger_transaction_id: bigint | null;
  occurred_on: string;
  reference: string;
  ledger_on: string | null;
  ledger_amount_minor: bigint | null;
  bank_on: string | null;
  bank_amount_minor: bigint | null;
  status: 'open' | 'resolved';
  resolution_note: string | null;
  correction_manual_posting_id: bigint | null;
  resolved_by: bigint | null;
  resolved_at: string | null;
  created_at: string;
  /** How it was resolved (0025): explained (a later transfer, a fee) or corrected by an approved manual posting. */
  resolution: 'explained' | 'corrected' | null;
  /** The ledger transfer that settles it (the explaining one, or the correction's), its day and custody amount. */
  resolution_transaction_id: bigint | null;
  resolution_on: string | null;
  resolution_amount_minor: bigint | null;
  /** When its age alert went out; set once (0025). */
  alerted_at: string | null;
}

/** Each day's reconciliation of a currency's custody, overwritten by a rerun (0025). */
export interface ReconciliationDaysTable {
  currency: string;
  day: string;
  status: 'reconciled' | 'differs' | 'no_statement';
  ledger_balance_minor: bigint;
  bank_balance_minor: bigint | null;
  difference_minor: bigint;
  open_breaks_minor: bigint;
  resolved_breaks_minor: bigint;
  in_transit_minor: bigint;
  unexplained_minor: bigint;
  computed_at: string;
}

/** Members' complaints (0026): states and kinds of src/core/complaints/complaint-lifecycle.ts. */
export interface ComplaintsTable {
  id: Generated<bigint>;
  membership_id: bigint;
  member_code: string;
  filed_by_user_id: bigint;
  subject_kind: 'claim' | 'share_charge' | 'payment' | 'payout' | 'decision';
  subject_id: bigint;
  /** What the member and staff read for the subject: a case number, a payment reference, an event. */
  subject_label: string;
  text: string;
  state: 'filed' | 'assigned' | 'responded' | 'accepted' | 'disputed';
  /** The setting in force at filing: the deadline promised then stays. */
  response_days: bigint;
  deadline_at: string;
  owner_user_id: bigint | null;
  escalated_at: string | null;
  outcome: 'upheld' | 'partly_upheld' | 'rejected' | null;
  outcome_text: string | null;
  responded_by_user_id: bigint | null;
  responded_at: string | null;
  reply: 'accept' | 'dispute' | null;
  reply_text: string | null;
  replied_at: string | null;
  filed_at: string;
  updated_at: string;
}

/** A complaint's trail (0026): one row per action, never edited. */
export interface ComplaintEventsTable {
  id: Generated<bigint>;
  complaint_id: bigint;
  event: 'filed' | 'assigned' | 'escalated' | 'responded' | 'replied';
  from_state: string | null;
  to_state: string;
  /** `user:<id>` or `system`. */
  actor: string;
  detail_json: string;
  at: string;
}

/** The operator's licence and custodian details (0027): the latest row is current, the rest the audit trail. */
export interface OperatorInfoVersionsTable {
  id: Generated<bigint>;
  operator_name: string;
  licence_number: string;
  supervisor: string;
  custodian_bank: string;
  custodian_account: string;
  complaint_phone: string;
  complaint_email: string;
  complaint_response_days: bigint;
  changed_by_user_id: bigint;
  changed_at: string;
}

/** Rule-change proposals (0028): states of src/core/governance/proposal-lifecycle.ts. */
export interface ProposalsTable {
  id: Generated<bigint>;
  plan_id: string;
  /** The version the proposal was written over; its diff is against that version's rules. */
  base_version: bigint;
  rules_json: string;
  diff_json: string;
  note: string;
  status: 'draft' | 'voting' | 'passed' | 'failed' | 'no_quorum' | 'in_effect';
  created_by: bigint | null;
  created_at: string;
  /** The governance settings in force at opening. */
  settings_json: string | null;
  opened_by: bigint | null;
  opened_at: string | null;
  closes_at: string | null;
  eligible_count: bigint | null;
  counted_at: string | null;
  voted_count: bigint | null;
  yes_votes: bigint | null;
  no_votes: bigint | null;
  abstain_votes: bigint | null;
  quorum_votes: bigint | null;
  effective_at: string | null;
  /** The plan version a passed proposal created. */
  plan_version: bigint | null;
}

/** The voter roll (0029): who may vote and whether they have; never what. */
export interface ProposalVotersTable {
  proposal_id: bigint;
  membership_id: bigint;
  member_code: string;
  voted_at: string | null;
}

/** Secret ballots (0029): a random id and the choice, nothing that names or dates the voter. */
export interface ProposalBallotsTable {
  ballot_hex: string;
  proposal_id: bigint;
  choice: 'yes' | 'no' | 'abstain';
}

/** Members who left before an accepted change took effect (0029), with their full refund. */
export interface ProposalLeavesTable {
  proposal_id: bigint;
  membership_id: bigint;
  left_at: string;
  refund_reference: string | null;
  refund_minor: bigint;
}

/** Each finished month's supervisor report as issued (0033); `plan_key` '' is the all-plans report. */
export interface SupervisorReportsTable {
  id: Generated<bigint>;
  month: string;
  plan_key: string;
  /** supervisorReportToJson: amounts and counts as strings of digits. */
  report_json: string;
  generated_at: string;
}

/** A plan's wind-down (0034): one per plan, the step it has reached, and the signed report once finalised. */
export interface PlanClosuresTable {
  plan_id: string;
  /** YYYY-MM-DD: cover ends at the start of this day. */
  closure_date: string;
  last_cycles_paid_by: 'members' | 'operator';
  step: 'announced' | 'closed' | 'refunds_done' | 'receivables_done' | 'finalised';
  announced_at: string;
  announced_by: bigint | null;
  closed_at: string | null;
  refunds_done_at: string | null;
  receivables_done_at: string | null;
  receivables_written_off_minor: ColumnType<bigint, bigint | undefined, bigint>;
  finalised_at: string | null;
  /** The signed header line of the huzhu-closure/1 report. */
  header_json: string | null;
  /** The whole report file (JSON Lines, every line ending in "\n"), for reports finalised before 0036 stored pages. */
  report_text: string | null;
  /** The finalisation attempt whose pages are the published report's member lines (0036). */
  report_attempt_id: ColumnType<bigint | null, bigint | null | undefined, bigint | null>;
}

/** One attempt to finalise a plan's closure (0036): its pages are published only if it wins. */
export interface ClosureReportAttemptsTable {
  id: Generated<bigint>;
  plan_id: string;
  started_at: string;
  page_leaves: bigint;
}

/** A page of a closure report's member lines (0036): one aligned block of the Merkle tree. */
export interface ClosureReportPagesTable {
  attempt_id: bigint;
  page_index: bigint;
  line_count: bigint;
  first_member_code: string;
  root_hex: string;
  gzip_bytes: Uint8Array;
}

/** A membership of a closing plan (0034): its wallet on the closure date and where its refund stands. */
export interface PlanClosureMembersTable {
  id: Generated<bigint>;
  plan_id: string;
  membership_id: bigint;
  member_code: string;
  wallet_at_closure_minor: bigint;
  refunded_minor: ColumnType<bigint, bigint | undefined, bigint>;
  unclaimed_minor: ColumnType<bigint, bigint | undefined, bigint>;
  refund_attempts: ColumnType<bigint, bigint | undefined, bigint>;
  refund_state: 'none' | 'due' | 'pending' | 'refunded' | 'unclaimed';
}

/** A closing plan's offer of a move to a successor's product (0035): one per plan. */
export interface ClosureTransferOffersTable {
  plan_id: string;
  successor_name: string;
  product_name: string;
  description: string;
  /** An https link to the successor's terms. */
  terms_url: string;
  /** YYYY-MM-DD: consent may be given or withdrawn through the end of this UTC day. */
  consent_deadline: string;
  offered_at: string;
  offered_by: bigint | null;
  /** The memberships told of the offer (one consent row each). */
  member_count: bigint;
}

/** A membership's answer to its plan's transfer offer (0035). */
export interface ClosureTransferConsentsTable {
  id: Generated<bigint>;
  plan_id: string;
  membership_id: bigint;
  member_code: string;
  person_id: bigint;
  consent: 'none' | 'given' | 'withdrawn';
  changed_at: string | null;
}
