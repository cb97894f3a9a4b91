/** The members' jury: qualification quiz, eligible jurors, verifiable draw, secret votes, verdict. */
export { jurorQuiz, publicQuiz, quizPassMark, scoreQuiz, takeJurorQuiz, type QuizQuestion, type QuizResult } from './juror-quiz.js';
export { adultBornBy, eligibleJurorsIn, jurorMinAgeYears, jurorMinTenureDays, type EligibleJuror } from './eligible-jurors.js';
export { jurorStandingsOf, panelSeatsOf, type JurorStanding, type PanelPhase, type PanelSeat } from './my-jury.js';
export {
  ballotCommitment,
  castVote,
  closeJury,
  decideAfterJury,
  defaultJuryWindowHours,
  juryClaimId,
  juryPublicRecord,
  jurySeed,
  maxJuryWindowHours,
  openJury,
  type JuryPublicRecord,
  type JuryVote,
} from './jury.js';
export { juryRejectionCodes, type JuryRejectionCode } from './jury-rejections.js';
export { juryOverview, juryPhases, listJuries, maxJuryPageSize, type JuryOverview, type JuryPhase } from './jury-admin.js';
