import { ageInYears, dayNumber, daysInMonth, formatCalendarDate, fromDayNumber, type CalendarDate } from '../../core/members/age.js';
import { makeNationalId } from '../../core/members/national-id.js';
import type { PersonInput } from '../members.js';
import type { DemoRandom } from './demo-random.js';

/**
 * Made-up people for the demo community: common surnames and given-name characters drawn at
 * random, valid-checksum ID numbers built with makeNationalId, mobile numbers and provinces.
 * Every row they become is stored with demo = 1.
 */

const surnames = [
  ['王', 72], ['李', 70], ['张', 66], ['刘', 53], ['陈', 45], ['杨', 31], ['黄', 23], ['赵', 20], ['吴', 20], ['周', 19],
  ['徐', 15], ['孙', 15], ['马', 14], ['朱', 13], ['胡', 13], ['郭', 12], ['何', 11], ['高', 10], ['林', 10], ['罗', 10],
  ['郑', 9], ['梁', 9], ['谢', 8], ['宋', 7], ['唐', 7], ['许', 7], ['韩', 7], ['冯', 7], ['邓', 7], ['曹', 6],
  ['彭', 6], ['曾', 6], ['肖', 6], ['田', 5], ['董', 5], ['袁', 5], ['潘', 5], ['于', 5], ['蒋', 5], ['蔡', 5],
  ['余', 5], ['杜', 4], ['叶', 4], ['程', 4], ['苏', 4], ['魏', 4], ['吕', 4], ['丁', 4], ['任', 4], ['沈', 4],
  ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3], ['陆', 3], ['汪', 3], ['范', 3], ['金', 3],
  ['欧阳', 1], ['司马', 1], ['上官', 1],
] as const satisfies ReadonlyArray<readonly [string, number]>;

const givenFemale = [...'秀芳娜敏静丽艳娟霞玲桂英华红梅琳雪婷佳怡欣悦晓雨萱涵颖慧倩蕾璐瑶诗梦可馨'];
const givenMale = [...'伟强磊军洋勇杰涛明超斌辉刚鹏飞宇浩然俊峰博文凯宁志健波鑫晨睿哲轩'];
const givenAny = [...'子一思嘉雅晨安泽乐天宏建国永春海平新'];

/** Provinces with a real prefecture code and a rough population weight (Hong Kong, Macau and Taiwan use other ID systems). */
const provinceRegions = [
  ['广东', '440103', 126], ['山东', '370102', 102], ['河南', '410102', 99], ['江苏', '320102', 85], ['四川', '510104', 84],
  ['河北', '130102', 75], ['湖南', '430102', 66], ['浙江', '330102', 65], ['安徽', '340102', 61], ['湖北', '420102', 58],
  ['广西', '450102', 50], ['云南', '530102', 47], ['江西', '360102', 45], ['辽宁', '210102', 43], ['福建', '350102', 42],
  ['陕西', '610102', 40], ['贵州', '520102', 39], ['山西', '140105', 35], ['重庆', '500101', 32], ['黑龙江', '230102', 31],
  ['新疆', '650102', 26], ['上海', '310101', 25], ['甘肃', '620102', 25], ['内蒙古', '150102', 24], ['吉林', '220102', 24],
  ['北京', '110101', 22], ['天津', '120101', 14], ['海南', '460105', 10], ['宁夏', '640104', 7], ['青海', '630102', 6],
  ['西藏', '540102', 4],
] as const;

const phonePrefixes = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '157', '158', '159', '176', '177', '180', '181', '185', '186', '187', '188', '189', '198', '199'];

export function demoName(random: DemoRandom, gender: 'female' | 'male'): string {
  const surname = random.weighted(surnames);
  const pool = gender === 'female' ? givenFemale : givenMale;
  const first = random.chance(0.2) ? random.pick(givenAny) : random.pick(pool);
  // Two-character given names are the common case; one-character ones are still frequent.
  return random.chance(0.7) ? `${surname}${first}${random.pick(pool)}` : `${surname}${first}`;
}

/** A birth date such that the person is exactly `age_years` old on `on`, and at least `min_days` old. */
export function birthDateForAge(random: DemoRandom, on: CalendarDate, age_years: number, min_days = 0): CalendarDate {
  const anniversary = (year: number) => ({ year, month: on.month, day: Math.min(on.day, daysInMonth(year, on.month)) });
  const latest = Math.min(dayNumber(anniversary(on.year - age_years)), dayNumber(on) - min_days);
  const earliest = dayNumber(anniversary(on.year - age_years - 1)) + 1;
  const birth = fromDayNumber(random.between(earliest, Math.max(earliest, latest)));
  if (ageInYears(birth, on) !== age_years) throw new Error(`demo: no birth date for age ${age_years} on ${formatCalendarDate(on)}`);
  return birth;
}

/**
 * A person of this age on `join`. `taken` holds the ID numbers handed out so far, so each is
 * unique: a clash (same region, birthday and sequence) draws a new sequence number.
 */
export function demoPerson(
  random: DemoRandom,
  join: CalendarDate,
  age_years: number,
  relationship: PersonInput['relationship'],
  taken: Set<string>,
  fixed_gender?: 'female' | 'male',
): PersonInput {
  const drawn = random.chance(0.5) ? 'female' : 'male';
  const gender = fixed_gender ?? drawn;
  const birth = birthDateForAge(random, join, age_years, 30);
  const [province, region] = random.weighted(provinceRegions.map(([name, code, weight]) => [[name, code] as const, weight] as const));
  let id_number = makeNationalId(region, birth, random.between(0, 999), gender);
  for (let attempt = 0; taken.has(id_number); attempt += 1) {
    if (attempt > 2000) throw new Error('demo: ran out of ID numbers for one birthday');
    id_number = makeNationalId(region, birth, random.between(0, 999), gender);
  }
  taken.add(id_number);
  const phone = `${random.pick(phonePrefixes)}${String(random.between(0, 99_999_999)).padStart(8, '0')}`;
  return { name: demoName(random, gender), id_number, birth_date: formatCalendarDate(birth), gender, province, phone, relationship };
}
