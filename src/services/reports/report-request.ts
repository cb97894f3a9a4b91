import { monthPeriod, rangePeriod, type ReportPeriod } from '../../core/reports/report-period.js';
import { reject, RejectionError, unwrap } from '../../core/rejection.js';

/** A month, or from and to: exactly one of the two ways, each refusal naming the parameter. */
export function reportPeriodOf(query: { month?: string | undefined; from?: string | undefined; to?: string | undefined }): ReportPeriod {
  if (query.month !== undefined) {
    if (query.from !== undefined || query.to !== undefined) {
      throw new RejectionError(reject('REPORT_BAD_PERIOD', 'Give month, or from and to, not both.', { parameter: 'month' }).rejection);
    }
    return unwrap(monthPeriod(query.month));
  }
  if (query.from === undefined || query.to === undefined) {
    const parameter = query.from === undefined ? 'from' : 'to';
    throw new RejectionError(reject('REPORT_BAD_PERIOD', 'Give month (YYYY-MM), or both from and to (YYYY-MM-DD).', { parameter }).rejection);
  }
  return unwrap(rangePeriod(query.from, query.to));
}
