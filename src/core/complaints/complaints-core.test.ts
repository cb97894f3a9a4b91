import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkText,
  complaintStates,
  isDueForEscalation,
  nextState,
  responseDeadline,
  type ComplaintAction,
  type ComplaintState,
} from './complaint-lifecycle.js';
import { checkOperatorInfo, maskAccount, publicOperatorInfo, type OperatorInfo } from '../operator/operator-info.js';
import { nearestRank, summarizeResponseTimes } from './response-times.js';

const walk = (steps: Array<[ComplaintAction, ('accept' | 'dispute')?]>): ComplaintState =>
  steps.reduce<ComplaintState>((state, [action, reply]) => {
    const result = nextState(state, action, reply);
    if (!result.ok) throw new Error(`${state} + ${action}: ${result.rejection.code}`);
    return result.value;
  }, 'filed');

describe('complaint lifecycle', () => {
  it('goes filed → assigned → responded → accepted or disputed', () => {
    expect(walk([['assign'], ['assign'], ['respond'], ['reply', 'accept']])).toBe('accepted');
    expect(walk([['respond'], ['reply', 'dispute']])).toBe('disputed');
  });

  it('takes a reply only after the response and only once; nothing is assigned or answered after the response', () => {
    expect(nextState('filed', 'reply', 'accept')).toMatchObject({ ok: false, rejection: { code: 'COMPLAINT_NOT_RESPONDED' } });
    expect(nextState('assigned', 'reply', 'accept')).toMatchObject({ ok: false, rejection: { code: 'COMPLAINT_NOT_RESPONDED' } });
    for (const final of ['accepted', 'disputed'] as const) {
      expect(nextState(final, 'reply', 'dispute')).toMatchObject({ ok: false, rejection: { code: 'COMPLAINT_ALREADY_REPLIED' } });
    }
    for (const done of ['responded', 'accepted', 'disputed'] as const) {
      for (const action of ['assign', 'respond'] as const) {
        expect(nextState(done, action)).toMatchObject({ ok: false, rejection: { code: 'COMPLAINT_BAD_TRANSITION' } });
      }
    }
  });

  it('property: any sequence of actions holds at most one response and one reply, the reply after the response', () => {
    const action = fc.constantFrom<[ComplaintAction, ('accept' | 'dispute')?]>(['assign'], ['respond'], ['reply', 'accept'], ['reply', 'dispute']);
    fc.assert(
      fc.property(fc.array(action, { maxLength: 12 }), (actions) => {
        let state: ComplaintState = 'filed';
        let responses = 0;
        let replies = 0;
        for (const [name, reply] of actions) {
          const result = nextState(state, name, reply);
          if (!result.ok) continue;
          if (name === 'respond') responses += 1;
          if (name === 'reply') {
            expect(responses).toBe(1);
            replies += 1;
          }
          state = result.value;
          expect(complaintStates).toContain(state);
        }
        expect(responses).toBeLessThanOrEqual(1);
        expect(replies).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('counts the deadline in calendar days from the filing and escalates at it, not before, and once', () => {
    const deadline_at = responseDeadline('2027-01-01T10:00:00.000Z', 15);
    expect(deadline_at).toBe('2027-01-16T10:00:00.000Z');
    const open = { state: 'assigned' as const, deadline_at, escalated_at: null };
    expect(isDueForEscalation(open, '2027-01-16T09:59:59.999Z')).toBe(false);
    expect(isDueForEscalation(open, deadline_at)).toBe(true);
    expect(isDueForEscalation({ ...open, escalated_at: deadline_at }, '2027-02-01T00:00:00.000Z')).toBe(false);
    expect(isDueForEscalation({ ...open, state: 'responded' }, '2027-02-01T00:00:00.000Z')).toBe(false);
  });

  it('bounds texts in characters as read, after trimming', () => {
    // Nine characters with spaces around them: the spaces do not count towards the minimum.
    expect(checkText('text', '  太长了太长了太长了  ', 10, 20)).toMatchObject({ ok: false, rejection: { details: { length_chars: 9 } } });
    expect(checkText('text', '我对这次扣款有疑问请核实', 10, 20)).toEqual({ ok: true, value: '我对这次扣款有疑问请核实' });
    expect(checkText('text', 'short', 10, 20)).toMatchObject({ ok: false, rejection: { code: 'COMPLAINT_BAD_TEXT', details: { field: 'text', length_chars: 5 } } });
    expect(checkText('text', 'x'.repeat(21), 10, 20)).toMatchObject({ ok: false, rejection: { code: 'COMPLAINT_BAD_TEXT' } });
  });
});

describe('response times', () => {
  it('takes the nearest rank, so each figure is a real time', () => {
    expect(nearestRank([], 50)).toBeNull();
    expect(nearestRank([5], 95)).toBe(5);
    expect(summarizeResponseTimes([40, 10, 30, 20])).toEqual({ responded: 4, median_ms: 20, p95_ms: 40, max_ms: 40 });
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 10 ** 9 }), { minLength: 1, maxLength: 200 }), (durations) => {
        const summary = summarizeResponseTimes(durations);
        expect(durations).toContain(summary.median_ms);
        expect(durations).toContain(summary.p95_ms);
        expect(summary.median_ms!).toBeLessThanOrEqual(summary.p95_ms!);
        expect(summary.p95_ms!).toBeLessThanOrEqual(summary.max_ms!);
        // At least half are at or below the median, at least 95% at or below the 95th percentile.
        expect(durations.filter((ms) => ms <= summary.median_ms!).length * 2).toBeGreaterThanOrEqual(durations.length);
        expect(durations.filter((ms) => ms <= summary.p95_ms!).length * 100).toBeGreaterThanOrEqual(durations.length * 95);
      }),
    );
  });
});

describe('operator info', () => {
  const info: OperatorInfo = {
    operator_name: '互助示范平台',
    licence_number: 'HZ-2027-0001',
    supervisor: '地方金融监督管理局',
    custodian_bank: '示范银行',
    custodian_account: '6222 0000 1111 2345',
    complaint_phone: '400-000-0000',
    complaint_email: 'complaints@example.org',
    complaint_response_days: 15,
  };

  it('shows the public the custodian account’s last 4 digits only', () => {
    expect(maskAccount('6222 0000 1111 2345')).toBe('**** **** 2345');
    const shown = publicOperatorInfo(info);
    expect(JSON.stringify(shown)).not.toContain('6222');
    expect(shown.custodian_account_masked).toBe('**** **** 2345');
  });

  it('names the field it refuses', () => {
    expect(checkOperatorInfo(info)).toEqual({ ok: true, value: info });
    expect(checkOperatorInfo({ ...info, licence_number: '  ' })).toMatchObject({ ok: false, rejection: { code: 'OPERATOR_INFO_BAD_FIELD', details: { field: 'licence_number' } } });
    expect(checkOperatorInfo({ ...info, custodian_account: 'abc' })).toMatchObject({ ok: false, rejection: { details: { field: 'custodian_account' } } });
    expect(checkOperatorInfo({ ...info, complaint_email: 'no-at-sign' })).toMatchObject({ ok: false, rejection: { details: { field: 'complaint_email' } } });
    expect(checkOperatorInfo({ ...info, complaint_response_days: 0 })).toMatchObject({ ok: false, rejection: { code: 'COMPLAINT_BAD_RESPONSE_DAYS' } });
  });
});
