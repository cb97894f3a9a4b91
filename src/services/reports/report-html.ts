import type { ExportCell, ExportColumn } from '../exports/export-table.js';
import { reportTables } from './report-tables.js';
import type { SupervisorReport } from './supervisor-report.js';

export type ReportLanguage = 'zh-CN' | 'en';
export const reportLanguages: readonly ReportLanguage[] = ['zh-CN', 'en'];

const words = {
  'zh-CN': {
    title: '监管报告',
    period: '报告期间',
    plan: '计划',
    all_plans: '全部计划',
    generated: '生成时间',
    operator: '运营方',
    no_operator: '运营方尚未填写执照与存管信息。',
    licence: '执照编号',
    supervisor: '监管机构',
    custodian: '存管银行及账户',
    complaint_contact: '投诉联系方式',
    money_note: '金额单位：元（由分换算，不四舍五入）。',
    empty: '无',
  },
  en: {
    title: 'Supervisor report',
    period: 'Period',
    plan: 'Plan',
    all_plans: 'All plans',
    generated: 'Generated',
    operator: 'Operator',
    no_operator: 'The operator has not entered its licence and custodian details yet.',
    licence: 'Licence number',
    supervisor: 'Supervisor',
    custodian: 'Custodian bank and account',
    complaint_contact: 'Complaint contact',
    money_note: 'Amounts in major units (converted from minor units exactly, never rounded).',
    empty: 'None',
  },
} as const;

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/** 350 → "3.50", −5 → "-0.05": minor units shown exactly in major units (two decimals, as CNY). */
export function formatMinor(amount_minor: bigint): string {
  const negative = amount_minor < 0n;
  const magnitude = negative ? -amount_minor : amount_minor;
  const whole = (magnitude / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${whole}.${(magnitude % 100n).toString().padStart(2, '0')}`;
}

function cell(value: ExportCell, column: ExportColumn): string {
  if (value === null) return '—';
  if (column.type === 'minor_units') return formatMinor(BigInt(value));
  return value.toString();
}

const styles = `
  body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; margin: 2rem; color: #111; }
  h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
  h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; break-after: avoid; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  table { border-collapse: collapse; width: 100%; font-size: .85rem; break-inside: auto; }
  th, td { border: 1px solid #999; padding: .25rem .4rem; text-align: left; vertical-align: top; }
  td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  .note { color: #444; font-size: .8rem; }
  .scroll { overflow-x: auto; }
  @page { size: A4; margin: 15mm; }
  @media print { body { margin: 0; } .scroll { overflow: visible; } }
`;

/**
 * The printable page: self-contained (inline styles, no script, no external file), in one
 * language, with the operator's licence and custodian details at the head, then one table per
 * report table. What the PDF command prints with Chromium.
 */
export function supervisorReportHtml(report: SupervisorReport, language: ReportLanguage): string {
  const text = words[language];
  const pick = (bilingual: { en: string; zh: string }) => (language === 'en' ? bilingual.en : bilingual.zh);
  const operator = report.operator;
  const head = operator === null
    ? `<p>${escapeHtml(text.no_operator)}</p>`
    : `<dl>
  <dt>${text.operator}</dt><dd>${escapeHtml(operator.operator_name)}</dd>
  <dt>${text.licence}</dt><dd>${escapeHtml(operator.licence_number)}</dd>
  <dt>${text.supervisor}</dt><dd>${escapeHtml(operator.supervisor)}</dd>
  <dt>${text.custodian}</dt><dd>${escapeHtml(operator.custodian_bank)} ${escapeHtml(operator.custodian_account_masked)}</dd>
  <dt>${text.complaint_contact}</dt><dd>${escapeHtml(operator.complaint_phone)} · ${escapeHtml(operator.complaint_email)}</dd>
</dl>`;
  const plan = report.plan_id === null ? text.all_plans : report.plan_id;
  const tables = reportTables
    .filter((table) => table.name !== 'report')
    .map((table) => {
      const rows = table.rows(report);
      const header = table.columns.map((column) => `<th scope="col">${escapeHtml(pick(column.description))}</th>`).join('');
      const body =
        rows.length === 0
          ? `<tr><td colspan="${table.columns.length}">${text.empty}</td></tr>`
          : rows
              .map((row) => {
                const cells = table.columns.map((column) => {
                  const numeric = column.type === 'integer' || column.type === 'minor_units';
                  return `<td${numeric ? ' class="number"' : ''}>${escapeHtml(cell(row[column.name] ?? null, column))}</td>`;
                });
                return `<tr>${cells.join('')}</tr>`;
              })
              .join('\n');
      return `<section aria-labelledby="t-${table.name}">
<h2 id="t-${table.name}">${escapeHtml(pick(table.title))}</h2>
<div class="scroll"><table><thead><tr>${header}</tr></thead><tbody>
${body}
</tbody></table></div>
</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text.title} ${escapeHtml(report.period.from)} – ${escapeHtml(report.period.to)}</title>
<style>${styles}</style>
</head>
<body>
<header>
<h1>${text.title}</h1>
<dl>
  <dt>${text.period}</dt><dd>${escapeHtml(report.period.from)} – ${escapeHtml(report.period.to)}</dd>
  <dt>${text.plan}</dt><dd>${escapeHtml(plan)}</dd>
  <dt>${text.generated}</dt><dd>${escapeHtml(report.generated_at)}</dd>
</dl>
</header>
<section aria-labelledby="t-operator">
<h2 id="t-operator">${text.operator}</h2>
${head}
</section>
${tables}
<p class="note">${text.money_note}</p>
</body>
</html>
`;
}
