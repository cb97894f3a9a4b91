/** The claims use cases: application, review, investigation, notice and objections, fraud, the public case card. */
export { submitClaim, caseNumberFrom, type SubmitClaimInput, type SubmittedClaim } from './submit-claim.js';
export { startReview, assignInvestigator, recordFindings, approveForNotice, rejectClaim, publishNotice, endNotice, appealClaim, decideAppeal, type AppealDecision } from './claim-review.js';
export { objectToClaim, resolveObjection, type ObjectionDecision, type ObjectionRow } from './objections.js';
export { recordFraud } from './fraud.js';
export { caseCard, type CaseCard } from './case-card.js';
export { claimRejectionReasons, claimServiceRejectionCodes, type ClaimRejectionReasonCode } from './claim-rejections.js';
export { applyClaimEventIn, lockClaimIn, transitionClaimIn, type ClaimRow, type SeenClaim } from './claim-transitions.js';
export { checkEvidenceFiles, maxEvidenceFileBytes, maxEvidenceFilesPerClaim, allowedEvidenceTypes, type EvidenceFile } from './evidence.js';
