import type { Migration } from 'kysely';
import type { DialectName } from '../schema.js';
import { foundation } from './0001-foundation.js';
import { plansAndMembers } from './0002-plans-members.js';
import { funding } from './0003-funding.js';
import { claims } from './0004-claims.js';
import { jury } from './0005-jury.js';
import { cycles } from './0006-cycles.js';
import { payouts } from './0007-payouts.js';
import { cycleProofChunks } from './0008-cycle-proof-chunks.js';
import { cycleExportPages } from './0009-cycle-export-pages.js';
import { shareChargeMembershipKey } from './0010-share-charge-membership-key.js';
import { cycleJobs } from './0011-cycle-jobs.js';
import { idempotency } from './0012-idempotency.js';
import { manualPostings } from './0013-manual-postings.js';
import { pointInTimeCycles } from './0014-point-in-time-cycles.js';
import { accounts } from './0015-accounts.js';
import { claimNotes } from './0016-claim-notes.js';
import { personalDataReads } from './0017-personal-data-reads.js';
import { operatorDashboard } from './0018-operator-dashboard.js';
import { ledgerTransactionKind } from './0020-ledger-transaction-kind.js';
import { planCycleMetrics } from './0021-plan-cycle-metrics.js';
import { sustainabilityAlerts } from './0022-sustainability-alerts.js';
import { simulationRuns } from './0023-simulation-runs.js';
import { bankStatements } from './0024-bank-statements.js';
import { reconciliationDays } from './0025-reconciliation-days.js';
import { complaints } from './0026-complaints.js';
import { operatorInfo } from './0027-operator-info.js';
import { governanceProposals } from './0028-governance-proposals.js';
import { governanceBallots } from './0029-governance-ballots.js';
import { supervisorReports } from './0033-supervisor-reports.js';
import { planClosures } from './0034-plan-closures.js';
import { closureTransferOffers } from './0035-closure-transfer-offers.js';
import { closureReportPages } from './0036-closure-report-pages.js';

/** Every migration, in order. Names sort in the order they must run. */
export function migrationsFor(dialect: DialectName): Record<string, Migration> {
  return {
    '0001-foundation': foundation(dialect),
    '0002-plans-members': plansAndMembers(dialect),
    '0003-funding': funding(dialect),
    '0004-claims': claims(dialect),
    '0005-jury': jury(dialect),
    '0006-cycles': cycles(dialect),
    '0007-payouts': payouts(dialect),
    '0008-cycle-proof-chunks': cycleProofChunks(dialect),
    '0009-cycle-export-pages': cycleExportPages(dialect),
    '0010-share-charge-membership-key': shareChargeMembershipKey(dialect),
    '0011-cycle-jobs': cycleJobs(dialect),
    '0012-idempotency': idempotency(dialect),
    '0013-manual-postings': manualPostings(dialect),
    '0014-point-in-time-cycles': pointInTimeCycles(dialect),
    '0015-accounts': accounts(dialect),
    '0016-claim-notes': claimNotes(dialect),
    '0017-personal-data-reads': personalDataReads(dialect),
    '0018-operator-dashboard': operatorDashboard(dialect),
    '0020-ledger-transaction-kind': ledgerTransactionKind(dialect),
    '0021-plan-cycle-metrics': planCycleMetrics(dialect),
    '0022-sustainability-alerts': sustainabilityAlerts(dialect),
    '0023-simulation-runs': simulationRuns(dialect),
    '0024-bank-statements': bankStatements(dialect),
    '0025-reconciliation-days': reconciliationDays(dialect),
    '0026-complaints': complaints(dialect),
    '0027-operator-info': operatorInfo(dialect),
    '0028-governance-proposals': governanceProposals(dialect),
    '0029-governance-ballots': governanceBallots(dialect),
    '0033-supervisor-reports': supervisorReports(dialect),
    '0034-plan-closures': planClosures(dialect),
    '0035-closure-transfer-offers': closureTransferOffers(dialect),
    '0036-closure-report-pages': closureReportPages(dialect),
  };
}
