import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { calendarDateOf, dayNumber, formatCalendarDate, fromDayNumber } from '../src/core/members/age.js';
import { makeNationalId } from '../src/core/members/national-id.js';
import { Progress } from './progress.js';
import { SeededRandom } from './seeded-random.js';

/**
 * A CSV of `members` valid, distinct people for `huzhu member import`, written line by line to a
 * file (never held in memory). Deterministic for a seed and a day.
 *
 * About 85% join the critical illness plan (ages 1–58) and 15% the senior cancer plan (61–69):
 * ages stay clear of both plans' limits, so a run that crosses midnight refuses nobody. ID numbers
 * are unique by construction, not by a set of the ones handed out: member k of a plan gets the
 * k-th (birth date, sequence) pair, the birth date cycling through the plan's age span.
 */

export const joinCsvHeader = 'plan_id,name,id_number,birth_date,gender,province,phone,relationship,HQ-CANCER,HQ-HEART,HQ-HOSPITAL,HQ-CLAIM';

const surnames = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈'];
const given = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂华红梅琳雪婷佳怡欣悦晓雨宇浩然俊峰博文凯宁志健波鑫晨睿哲轩'];
const provinces = [
  ['广东', '440103'], ['山东', '370102'], ['河南', '410102'], ['江苏', '320102'], ['四川', '510104'], ['河北', '130102'],
  ['湖南', '430102'], ['浙江', '330102'], ['安徽', '340102'], ['湖北', '420102'], ['北京', '110101'], ['上海', '310101'],
] as const;

interface PlanSpan {
  readonly plan_id: string;
  /** Day number of the latest birth date. */
  readonly latest_day: number;
  readonly span_days: number;
  readonly answers: string;
  count: number;
}

export async function writeJoinCsv(path: string, members: number, seed: number, today: string): Promise<void> {
  const random = new SeededRandom(seed);
  const day = dayNumber(calendarDateOf(today));
  const yearsAgo = (years: number) => {
    const date = calendarDateOf(today);
    return dayNumber({ year: date.year - years, month: date.month, day: Math.min(date.day, 28) });
  };
  const critical: PlanSpan = { plan_id: 'critical-illness', latest_day: Math.min(yearsAgo(1), day - 31), span_days: yearsAgo(1) - yearsAgo(58) - 1, answers: 'no,no,no,no', count: 0 };
  const senior: PlanSpan = { plan_id: 'senior-cancer', latest_day: yearsAgo(62) - 1, span_days: yearsAgo(62) - yearsAgo(69) - 2, answers: '否,否,否,', count: 0 };

  const out = createWriteStream(path, { encoding: 'utf8' });
  const progress = new Progress('csv');
  const startedAt = performance.now();
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${joinCsvHeader}\n`);
  let lines: string[] = [];
  for (let index = 0; index < members; index += 1) {
    const plan = random.below(20) < 3 ? senior : critical;
    const k = plan.count;
    plan.count += 1;
    const sequence = Math.floor(k / plan.span_days);
    const [province, region] = provinces[Math.floor(sequence / 1000) % provinces.length]!;
    if (sequence >= 1000 * provinces.length) throw new Error(`the CSV generator runs out of ID numbers past ${members} members`);
    const birth = fromDayNumber(plan.latest_day - (k % plan.span_days));
    // The sequence's last digit carries the gender: odd for men.
    const gender = sequence % 2 === 1 ? 'male' : 'female';
    const id = makeNationalId(region, birth, sequence % 1000, gender);
    const name = surnames[random.below(surnames.length)]! + given[random.below(given.length)]! + (random.below(10) < 7 ? given[random.below(given.length)]! : '');
    const phone = `13${random.between(0, 9)}${String(random.below(100_000_000)).padStart(8, '0')}`;
    lines.push(`${plan.plan_id},${name},${id},${formatCalendarDate(birth)},${gender},${province},${phone},self,${plan.answers}`);
    if (lines.length === 1000) {
      await write(`${lines.join('\n')}\n`);
      lines = [];
      progress.report(index + 1, members, (performance.now() - startedAt) / 1000);
    }
  }
  if (lines.length > 0) await write(`${lines.join('\n')}\n`);
  out.end();
  await once(out, 'finish');
}
