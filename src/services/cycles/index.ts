export { runCycle, type CycleRunOptions, type CycleRunResult } from './run-cycle.js';
export { runDueCycles, type DueCycleReport } from './due-cycles.js';
export { listCycles, cycleReport, cycleStatistics, getCycleRow, type CycleSummary, type CycleReport, type CycleStatistics } from './cycle-queries.js';
export { cycleExportChunks } from './cycle-export-writer.js';
export { memberCycleProof, membershipCycleProof, type MemberCycleProof } from './member-proof.js';
export { operatorKey, operatorPublicKeyHex } from './operator-key.js';
export { cycleRejectionCodes } from './cycle-rejections.js';
export { CycleJobs, maxJobWaitSeconds } from './cycle-jobs.js';
export type { CycleJob, CycleJobHooks, CycleJobResult, CycleJobStatus } from './cycle-jobs.js';
export {
  listStaffCycles,
  staffCycleReport,
  maxStaffCyclePage,
  type StaffCycle,
  type StaffCycleReport,
  type StaffCyclePage,
} from './staff-cycles.js';
