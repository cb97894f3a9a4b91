import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { supervisorReportCsv } from '../services/reports/report-csv.js';
import { reportLanguages, supervisorReportHtml, type ReportLanguage } from '../services/reports/report-html.js';
import { supervisorReportToJson } from '../services/reports/report-json.js';
import { reportPeriodOf } from '../services/reports/report-request.js';
import { readSupervisorReport } from '../services/reports/stored-reports.js';
import { withCliContext } from './cli-context.js';
import { runAction } from './command-errors.js';
import type { CliIo } from './program.js';
import { defaultChromiumPath, printHtmlToPdf } from './report-pdf.js';

interface SupervisorOptions {
  month?: string;
  from?: string;
  to?: string;
  plan?: string;
  format: 'csv' | 'html' | 'pdf' | 'json';
  lang: ReportLanguage;
  out: string;
  chromium?: string;
}

export function registerReportCommands(program: Command, io: CliIo): void {
  const report = program.command('report').description('Reports for supervisors and auditors.');
  report
    .command('supervisor')
    .description(
      'Write the supervisor report of a month (as issued when the background jobs stored it, else computed now) or of any period of at most 366 days (computed now):\n' +
        'the operator’s licence and custodian details; members and their movement by plan; prepaid wallets against the custody account and the last imported bank balance;\n' +
        'claims by state and open claims by age; complaints and response times; sustainability alerts; backstop, advances and the operator’s fee income.\n' +
        'csv: one section per table (a `section,<name>` line, the documented header, the records, an empty line), amounts in minor units.\n' +
        'html: a self-contained printable page. pdf: that page printed by headless Chromium (--chromium or HUZHU_CHROMIUM_PATH, default /usr/bin/chromium). json: the report as the API returns it.',
    )
    .option('--month <YYYY-MM>', 'a calendar month')
    .option('--from <YYYY-MM-DD>', 'first day of a period (with --to)')
    .option('--to <YYYY-MM-DD>', 'last day of a period, included')
    .option('--plan <plan_id>', 'one plan only (default: all plans)')
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'html', 'pdf', 'json']).default('csv'))
    .addOption(new Option('--lang <language>', 'language of the html and pdf').choices([...reportLanguages]).default('zh-CN'))
    .option('--chromium <path>', 'the Chromium to print the pdf with')
    .requiredOption('--out <file>', 'where to write the report')
    .action(async (options: SupervisorOptions) =>
      runAction(io, async () => {
        const period = reportPeriodOf(options);
        const { report: content, stored_at } = await withCliContext(io.env, (context) => readSupervisorReport(context, period, options.plan ?? null));
        let bytes: string | Buffer;
        if (options.format === 'csv') bytes = supervisorReportCsv(content);
        else if (options.format === 'json') bytes = `${supervisorReportToJson(content)}\n`;
        else {
          const html = supervisorReportHtml(content, options.lang);
          bytes = options.format === 'html' ? html : await printHtmlToPdf(html, options.chromium ?? io.env.HUZHU_CHROMIUM_PATH ?? defaultChromiumPath);
        }
        await writeFile(options.out, bytes);
        io.out(`${options.out}: supervisor report ${period.from} – ${period.to}, ${options.plan ?? 'all plans'}, ${stored_at === null ? 'computed now' : `as issued ${stored_at}`}`);
      }),
    );
}
