import { complaintStates } from '../../core/complaints/complaint-lifecycle.js';
import type { Bilingual, ExportColumn, ExportColumnType, ExportRow } from '../exports/export-table.js';
import type { SupervisorReport } from './supervisor-report.js';

/**
 * The report's tables, each with its documented columns: the CSV writes one section per table
 * and the printable page one table each, from this one list, so they cannot drift apart.
 */
export interface ReportTable {
  readonly name: string;
  readonly title: Bilingual;
  readonly columns: readonly ExportColumn[];
  readonly rows: (report: SupervisorReport) => readonly ExportRow[];
}

const column = (name: string, type: ExportColumnType, en: string, zh: string): ExportColumn => ({ name, type, description: { en, zh } });
const planColumn = column('plan_id', 'text', 'Plan', '计划');
const currencyColumn = column('currency', 'text', 'Currency', '币种');

export const reportTables: readonly ReportTable[] = [
  {
    name: 'report',
    title: { en: 'Report and operator', zh: '报告与运营方' },
    columns: [column('field', 'text', 'Field', '项目'), column('value', 'text', 'Value', '内容')],
    rows: (report) => {
      const operator = report.operator;
      const fields: Array<[string, string | null]> = [
        ['format', report.format],
        ['period_kind', report.period.kind],
        ['from', report.period.from],
        ['to', report.period.to],
        ['plan_id', report.plan_id ?? 'all'],
        ['generated_at', report.generated_at],
        ['operator_name', operator?.operator_name ?? null],
        ['licence_number', operator?.licence_number ?? null],
        ['supervisor', operator?.supervisor ?? null],
        ['custodian_bank', operator?.custodian_bank ?? null],
        ['custodian_account_masked', operator?.custodian_account_masked ?? null],
        ['complaint_phone', operator?.complaint_phone ?? null],
        ['complaint_email', operator?.complaint_email ?? null],
      ];
      return fields.map(([field, value]) => ({ field, value }));
    },
  },
  {
    name: 'members',
    title: { en: 'Members and their movement', zh: '成员及变动' },
    columns: [
      planColumn,
      column('start', 'integer', 'Members at the start', '期初成员'),
      column('joined', 'integer', 'Joined', '加入'),
      column('withdrawn', 'integer', 'Left (withdrew)', '退出'),
      column('lapsed', 'integer', 'Lapsed (unpaid)', '失效（未缴）'),
      column('terminated', 'integer', 'Terminated (fraud)', '终止（欺诈）'),
      column('ended', 'integer', 'Ended (plan closed)', '结束（计划关闭）'),
      column('end', 'integer', 'Members at the end', '期末成员'),
    ],
    rows: (report) => report.members.map((row) => ({ ...row })),
  },
  {
    name: 'funds',
    title: { en: 'Funds held (custody and the bank cover every plan of the currency)', zh: '资金存管（存管账户与银行余额为该币种全部计划合计）' },
    columns: [
      currencyColumn,
      column('wallets_minor', 'minor_units', 'Prepaid wallets', '预付钱包合计'),
      column('custody_minor', 'minor_units', 'Custody account (ledger)', '存管账户（账本）'),
      column('custody_less_wallets_minor', 'minor_units', 'Custody − wallets', '存管 − 钱包'),
      column('bank_statement_last_on', 'date', 'Last bank statement to', '最近银行对账单截至'),
      column('bank_closing_minor', 'minor_units', 'Bank closing balance', '银行期末余额'),
      column('custody_at_bank_date_minor', 'minor_units', 'Custody on that day', '当日存管余额'),
      column('bank_less_custody_minor', 'minor_units', 'Bank − custody', '银行 − 存管'),
    ],
    rows: (report) => report.funds.map((row) => ({ ...row })),
  },
  {
    name: 'claims_by_state',
    title: { en: 'Claims by state at the end of the period', zh: '期末互助申请状态' },
    columns: [planColumn, column('state', 'text', 'State', '状态'), column('claims', 'integer', 'Claims', '件数'), column('aid_minor', 'minor_units', 'Aid', '互助金')],
    rows: (report) => report.claims_by_state.map((row) => ({ ...row })),
  },
  {
    name: 'open_claims_by_age',
    title: { en: 'Open claims by age (days since submission)', zh: '未结申请账龄（自提交起天数）' },
    columns: [planColumn, column('bucket', 'text', 'Days', '天数'), column('claims', 'integer', 'Claims', '件数'), column('aid_minor', 'minor_units', 'Aid', '互助金')],
    rows: (report) => report.open_claims_by_age.map((row) => ({ ...row })),
  },
  {
    name: 'complaints',
    title: { en: "Complaints filed in the period by the plans' members", zh: '期内本计划成员的投诉' },
    columns: [
      column('filed', 'integer', 'Filed', '受理'),
      ...complaintStates.map((state) => column(`state_${state}`, 'integer', `Now ${state}`, `当前 ${state}`)),
      column('escalated', 'integer', 'Escalated', '已升级'),
      column('overdue_now', 'integer', 'Overdue now', '当前逾期'),
      column('responded', 'integer', 'Responded', '已答复'),
      column('responded_within_deadline', 'integer', 'Within the deadline', '期限内答复'),
      column('median_response_seconds', 'integer', 'Median response (s)', '答复时间中位数（秒）'),
      column('p95_response_seconds', 'integer', '95th percentile (s)', '答复时间95分位（秒）'),
    ],
    rows: (report) => {
      const figures = report.complaints;
      const seconds = (ms: number | null) => (ms === null ? null : BigInt(Math.floor(ms / 1000)));
      const states = Object.fromEntries(complaintStates.map((state) => [`state_${state}`, BigInt(figures.by_state[state])]));
      return [
        {
          filed: BigInt(figures.filed),
          ...states,
          escalated: BigInt(figures.escalated),
          overdue_now: BigInt(figures.overdue_now),
          responded: BigInt(figures.response_time.responded),
          responded_within_deadline: BigInt(figures.responded_within_deadline),
          median_response_seconds: seconds(figures.response_time.median_ms),
          p95_response_seconds: seconds(figures.response_time.p95_ms),
        },
      ];
    },
  },
  {
    name: 'alerts',
    title: { en: 'Sustainability alerts raised', zh: '可持续性预警' },
    columns: [
      planColumn,
      column('cycle_code', 'text', 'Cycle', '分摊期'),
      column('snapshot_at', 'instant', 'Snapshot', '快照时间'),
      column('kind', 'text', 'Alert', '预警'),
      column('value', 'integer', 'Value', '数值'),
      column('threshold', 'integer', 'Threshold', '阈值'),
    ],
    rows: (report) => report.alerts.map((row) => ({ ...row })),
  },
  {
    name: 'operator_accounts',
    title: { en: 'Backstop, advances and the operator’s fee income', zh: '兜底、垫付与运营方管理费收入' },
    columns: [
      planColumn,
      currencyColumn,
      column('backstop_used_minor', 'minor_units', 'Backstop used', '兜底支出'),
      column('advances_drawn_minor', 'minor_units', 'Advances drawn', '垫付'),
      column('advances_repaid_minor', 'minor_units', 'Advances repaid', '垫付归还'),
      column('advances_outstanding_minor', 'minor_units', 'Advances outstanding at the end', '期末未还垫付'),
      column('fee_income_minor', 'minor_units', 'Management fee income', '管理费收入'),
    ],
    rows: (report) => report.operator_accounts.map((row) => ({ ...row })),
  },
];
