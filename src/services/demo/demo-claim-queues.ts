import { deflateSync } from 'node:zlib';
import { addDays, calendarDateOf, formatCalendarDate } from '../../core/members/age.js';
import type { BlobStore } from '../blobs/blob-store.js';
import type { ServiceContext } from '../context.js';
import { appealClaim, approveForNotice, claimRejectionReasons, assignInvestigator, objectToClaim, publishNotice, rejectClaim, resolveObjection, startReview, submitClaim, type EvidenceFile } from '../claims/index.js';
import { DemoRandom } from './demo-random.js';

/**
 * Claims waiting in every staff queue at the end of the demo (issue 12, item 6), so the claims
 * console has work on the first start: two submitted, one in review, one with demo-investigator
 * (investigation open), one approved for notice, one in notice with an open objection, one
 * appealed after a rejection, and one with the jury unless the demo's history left one there.
 * Made through the claims services the API uses, by the demo's seeded randomness, on the demo's
 * own clock stepped over the last days (so days waiting differ); the claimants are the demo's
 * made-up covered members (marked demo) who have no claim yet.
 */

const day_ms = 86_400_000;
/** The first reason of the fixed list (insufficient evidence), for the claim that is rejected and appealed. */
const insufficientEvidence = Object.keys(claimRejectionReasons)[0]!;
const hospitals = ['市第一人民医院', '省人民医院', '市中心医院', '省肿瘤医院', '医科大学附属第一医院'];

/** A small valid PDF (one page, one line of text) so the workbench can show it inline. */
function demoPdf(line: string): Buffer {
  const stream = `BT /F1 18 Tf 40 120 Td (${line.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A small made-up "scan": a striped grey image, a valid PNG, different per case. */
function demoPng(shade: number): Buffer {
  const width = 160;
  const height = 100;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x += 1) {
      const line = y % 12 < 2 && x > 10 && x < width - 10;
      const value = line ? 90 : 235 - (shade % 40);
      row.fill(value, 1 + x * 3, 4 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(Buffer.concat(rows))), pngChunk('IEND', Buffer.alloc(0))]);
}

function demoEvidence(index: number, illness_code: string): EvidenceFile[] {
  return [
    { bytes: demoPdf(`DEMO diagnosis report ${index}: ${illness_code} (made up)`), content_type: 'application/pdf', file_name: `demo-queue-report-${index}.pdf` },
    { bytes: demoPng(index * 7), content_type: 'image/png', file_name: `demo-queue-scan-${index}.png` },
  ];
}

type Queue = 'submitted' | 'in_review' | 'investigating' | 'approved_for_notice' | 'objected' | 'appealed' | 'in_jury';

export interface DemoClaimQueuesInput {
  readonly seed: string;
  /** The demo's services context; `setTime` moves its fixed clock (this leaves it at `end`). */
  readonly context: ServiceContext;
  readonly setTime: (at: string) => void;
  readonly blobStore: BlobStore;
  readonly plan_id: string;
  /** The end of the demo history: every step happens in the days before it. */
  readonly end: string;
}

/** Fills every claims queue; returns the case numbers by queue. */
export async function seedDemoClaimQueues(input: DemoClaimQueuesInput): Promise<Partial<Record<Queue, string[]>>> {
  const { context, end, setTime } = input;
  const db = context.store.db;
  const random = new DemoRandom(input.seed, 'claim-queues');
  const investigator = await db.selectFrom('users').select('id').where('username', '=', 'demo-investigator').executeTakeFirst();
  const hasJury = await db.selectFrom('claims').select('id').where('state', '=', 'in_jury').executeTakeFirst();
  const plan: Queue[] = ['submitted', 'submitted', 'in_review', 'approved_for_notice', 'objected', 'appealed'];
  if (investigator !== undefined) plan.splice(3, 0, 'investigating');
  if (hasJury === undefined) plan.push('in_jury');
  const stepsOf: Record<Queue, number> = { submitted: 0, in_review: 1, investigating: 2, approved_for_notice: 2, objected: 4, appealed: 3, in_jury: 5 };

  // Covered members of the plan, diagnosed after their waiting period, who have never claimed.
  const diagnosis_date = formatCalendarDate(addDays(calendarDateOf(end), -10));
  const candidates = await db
    .selectFrom('memberships as m')
    .select(['m.id'])
    .where('m.plan_id', '=', input.plan_id)
    .where('m.status', '=', 'active')
    .where('m.demo', '=', 1n)
    .where('m.waiting_until', '<', diagnosis_date)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('claims as c').select('c.id').whereRef('c.person_id', '=', 'm.person_id'))))
    .orderBy('m.member_code')
    .limit(500)
    .execute();
  if (candidates.length < plan.length + 1) return {};
  const pool = [...candidates];
  const draw = () => pool.splice(Math.floor(random.next() * pool.length), 1)[0]!.id;
  const objector = draw();

  const made: Partial<Record<Queue, string[]>> = {};
  const end_ms = Date.parse(end);
  for (const [index, queue] of plan.entries()) {
    // Submitted between six days and a few hours before the end; each later step a few hours on.
    let at_ms = end_ms - (6 - index * 0.7) * day_ms - random.between(0, 3) * 3_600_000;
    const tick = () => {
      at_ms += random.between(2, 6) * 3_600_000;
      setTime(new Date(Math.min(at_ms, end_ms)).toISOString());
    };
    setTime(new Date(at_ms).toISOString());
    const illness_code = random.pick(['CI-01', 'CI-01', 'CI-02', 'CI-03']);
    const submitted = await submitClaim(
      context,
      { membership_id: draw(), submitted_by_user_id: null, illness_code, diagnosis_date, hospital: random.pick(hospitals), files: demoEvidence(index + 1, illness_code) },
      input.blobStore,
    );
    const claim_id = submitted.claim_id;
    const steps = stepsOf[queue];
    if (steps >= 1) {
      tick();
      await startReview(context, claim_id, 'operator');
    }
    if (queue === 'investigating' && investigator !== undefined) {
      tick();
      await assignInvestigator(context, claim_id, investigator.id, 'operator');
    }
    if (queue === 'appealed') {
      tick();
      await rejectClaim(context, claim_id, insufficientEvidence, '病理报告缺少医院盖章，请补充后申诉。(DEMO)', 'operator');
      tick();
      await appealClaim(context, claim_id, '已补充盖章的病理报告，请重新审核。(DEMO)', 'member');
    }
    if (queue === 'approved_for_notice' || queue === 'objected' || queue === 'in_jury') {
      tick();
      await approveForNotice(context, claim_id, 'operator');
    }
    if (queue === 'objected' || queue === 'in_jury') {
      tick();
      await publishNotice(context, claim_id, 'operator');
      tick();
      const objection = await objectToClaim(context, claim_id, objector, '公示的确诊日期与住院记录看起来不一致，请核实。(DEMO)');
      if (queue === 'in_jury') {
        tick();
        await resolveObjection(context, objection.id, 'refer_to_jury', '异议涉及病历细节，交由会员评议团裁决。(DEMO)', 'operator');
      }
    }
    (made[queue] ??= []).push(submitted.case_number);
  }
  setTime(end);
  return made;
}
