import { assertPaysForMembership } from '../member-queries.js';
import type { ServiceContext } from '../context.js';
import { juryRejection } from './jury-rejections.js';

/**
 * The juror qualification quiz: five fixed multiple-choice questions about the plan rules of
 * DESIGN.md. Fixed, so every juror is held to the same bar and the questions can be published;
 * the answer key stays on the server (the GET route strips it).
 */
export interface QuizQuestion {
  readonly id: string;
  readonly question: { readonly zh: string; readonly en: string };
  readonly options: ReadonlyArray<{ readonly zh: string; readonly en: string }>;
  readonly correct_index: number;
}

export const jurorQuiz: readonly QuizQuestion[] = [
  {
    id: 'JQ-WAITING',
    question: { zh: '加入计划后的等待期（观察期）内确诊，会怎样？', en: 'What happens when a member is diagnosed inside the waiting period after joining?' },
    options: [
      { zh: '照常获得互助金', en: 'They receive the aid as usual' },
      { zh: '会员资格终止，已分摊的费用无息退还', en: 'The membership ends and the shares paid so far are refunded without interest' },
      { zh: '互助金减半', en: 'The aid is halved' },
      { zh: '等待期结束后再申请即可', en: 'They may claim once the waiting period is over' },
    ],
    correct_index: 1,
  },
  {
    id: 'JQ-SHARE',
    question: { zh: '每期每位会员分摊的金额如何计算？', en: 'How is each member’s share of a cycle computed?' },
    options: [
      { zh: '由平台自行决定', en: 'The platform sets it as it likes' },
      { zh: '按会员年龄固定收取', en: 'A fixed fee by age' },
      { zh: '（获批互助金 + 管理费 − 结余）÷ 参与分摊的会员人数', en: '(approved aid + management fee − surplus carried in) ÷ members covered at the snapshot' },
      { zh: '只由申请人所在省份的会员分摊', en: 'Only members in the claimant’s province pay' },
    ],
    correct_index: 2,
  },
  {
    id: 'JQ-NOTICE',
    question: { zh: '互助案件在公示期内，会员可以做什么？', en: 'What can members do while a case is in public notice?' },
    options: [
      { zh: '查看申请人的身份证号', en: 'See the claimant’s ID number' },
      { zh: '对案件提出异议并说明理由', en: 'Object to the case and give a reason' },
      { zh: '直接修改互助金额', en: 'Change the aid amount' },
      { zh: '什么也不能做', en: 'Nothing' },
    ],
    correct_index: 1,
  },
  {
    id: 'JQ-VERDICT',
    question: { zh: '会员评议团的裁决在什么情况下有效并成立？', en: 'When is a member jury’s verdict valid and decided?' },
    options: [
      { zh: '达到法定票数，且一方获得超过半数的票', en: 'With a quorum of votes, and one side winning more than half of the votes cast' },
      { zh: '只要有一票即可', en: 'As soon as one vote is cast' },
      { zh: '由平台运营方投票决定', en: 'The operator votes on it' },
      { zh: '必须全票通过', en: 'Only when every vote agrees' },
    ],
    correct_index: 0,
  },
  {
    id: 'JQ-JUROR',
    question: { zh: '谁可以担任评议员？', en: 'Who can serve as a juror?' },
    options: [
      { zh: '任何访问网站的人', en: 'Anyone visiting the website' },
      { zh: '申请人本人', en: 'The claimant' },
      { zh: '入会满30天、正常分摊、通过测验且无欺诈记录的成年会员', en: 'Paying adult members of 30+ days who passed this quiz and have no fraud record' },
      { zh: '只有平台员工', en: 'Only platform staff' },
    ],
    correct_index: 2,
  },
];

/** Passing needs at least this many correct answers out of five. */
export const quizPassMark = 4;

/** The questions without the answer key. */
export function publicQuiz(): Array<Omit<QuizQuestion, 'correct_index'>> {
  return jurorQuiz.map(({ id, question, options }) => ({ id, question, options }));
}

export function scoreQuiz(answers: readonly number[]): number {
  if (answers.length !== jurorQuiz.length || answers.some((answer) => !Number.isInteger(answer) || answer < 0 || answer > 3)) {
    juryRejection('JURY_QUIZ_BAD_ANSWERS', `Answer all ${jurorQuiz.length} questions, each with an option index 0–3, in order.`, { questions: jurorQuiz.length });
  }
  return jurorQuiz.filter((question, index) => answers[index] === question.correct_index).length;
}

export interface QuizResult {
  readonly correct_answers: number;
  readonly questions: number;
  readonly passed: boolean;
  /** When the membership first passed; null while it has not. */
  readonly passed_at: string | null;
}

/**
 * A payer takes the quiz for a membership they pay for (MEMBERSHIP_NOT_FOUND otherwise). A pass
 * is recorded once and kept (a later failed attempt does not take it away); a fail writes nothing.
 */
export async function takeJurorQuiz(context: ServiceContext, user_id: bigint, membership_id: bigint, answers: readonly number[]): Promise<QuizResult> {
  const correct_answers = scoreQuiz(answers);
  await assertPaysForMembership(context, membership_id, user_id);
  const passed = correct_answers >= quizPassMark;
  if (passed) {
    const at = context.clock.now().toISOString();
    await context.store.db
      .insertInto('juror_qualifications')
      .values({ membership_id, correct_answers: BigInt(correct_answers), passed_at: at })
      .onConflict((conflict) => conflict.column('membership_id').doNothing())
      .execute();
  }
  const row = await context.store.db.selectFrom('juror_qualifications').select('passed_at').where('membership_id', '=', membership_id).executeTakeFirst();
  return { correct_answers, questions: jurorQuiz.length, passed, passed_at: row?.passed_at ?? null };
}
