import { describe, expect, it } from 'vitest';
import { parseCalendarDate } from '../members/age.js';
import { checkTermsUrl, checkTransferOffer, consentDeadlinePassed, consentIsOpen, MAX_TRANSFER_CONSENT_DAYS } from './transfer-offer-rules.js';

const today = parseCalendarDate('2027-03-01')!;
const input = {
  successor_name: ' Insurer ',
  product_name: 'Cancer cover',
  description: 'A cancer insurance for former members.',
  terms_url: 'https://insurer.example.cn/terms',
  consent_deadline: '2027-03-20',
};
const announced = { today, closure_step: 'announced', already_offered: false } as const;
const codeOf = (result: { ok: boolean; rejection?: { code: string } }) => (result.ok ? 'ok' : result.rejection!.code);

describe('transfer offer rules', () => {
  it('takes an offer while the closure is announced or closed, not before, not once finalised, and once', () => {
    expect(checkTransferOffer(input, announced)).toMatchObject({ ok: true, value: { successor_name: 'Insurer' } });
    expect(codeOf(checkTransferOffer(input, { ...announced, closure_step: 'receivables_done' }))).toBe('ok');
    expect(codeOf(checkTransferOffer(input, { ...announced, closure_step: null }))).toBe('CLOSURE_NOT_FOUND');
    expect(codeOf(checkTransferOffer(input, { ...announced, closure_step: 'finalised' }))).toBe('TRANSFER_OFFER_TOO_LATE');
    expect(codeOf(checkTransferOffer(input, { ...announced, already_offered: true }))).toBe('TRANSFER_OFFER_EXISTS');
  });

  it('bounds the deadline: today up to the maximum ahead, a real date', () => {
    expect(codeOf(checkTransferOffer({ ...input, consent_deadline: '2027-03-01' }, announced))).toBe('ok');
    expect(codeOf(checkTransferOffer({ ...input, consent_deadline: '2027-02-28' }, announced))).toBe('TRANSFER_OFFER_DEADLINE_PAST');
    expect(codeOf(checkTransferOffer({ ...input, consent_deadline: '2027-08-28' }, announced))).toBe('ok');
    expect(MAX_TRANSFER_CONSENT_DAYS).toBe(180);
    expect(codeOf(checkTransferOffer({ ...input, consent_deadline: '2027-08-29' }, announced))).toBe('TRANSFER_OFFER_BAD_DEADLINE');
    expect(codeOf(checkTransferOffer({ ...input, consent_deadline: '2027-3-20' }, announced))).toBe('TRANSFER_OFFER_BAD_DEADLINE');
  });

  it('takes only an https link with a host and no credentials', () => {
    expect(codeOf(checkTermsUrl('https://insurer.example.cn/terms?product=1'))).toBe('ok');
    for (const refused of ['http://insurer.example.cn/terms', 'https://user:pw@insurer.example.cn/x', 'https://localhost/terms', 'ftp://insurer.example.cn', 'https://insurer.example.cn/a b', 'not a link']) {
      expect(codeOf(checkTermsUrl(refused)), refused).toBe('TRANSFER_OFFER_BAD_URL');
    }
  });

  it('keeps consent open through the deadline day, and the export waits for the day after', () => {
    expect(consentIsOpen('2027-03-01', today)).toBe(true);
    expect(consentDeadlinePassed('2027-03-01', today)).toBe(false);
    expect(consentDeadlinePassed('2027-02-28', today)).toBe(true);
  });
});
