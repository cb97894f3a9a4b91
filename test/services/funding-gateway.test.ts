import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/services/clock.js';
import { SimulatedGateway } from '../../src/services/payments/simulated-gateway.js';
import { signWebhook, verifyWebhookSignature } from '../../src/services/payments/webhook-signature.js';
import { seededRandom } from '../support/test-context.js';

const charge = (reference: string, amount_minor = 1000n) => ({ reference, amount_minor, currency: 'CNY', description: 'test' });

describe('webhook signatures', () => {
  const body = '{"event_id":"evt_1"}';
  const at = 1_800_000_000;

  it('verifies the signature over the timestamp and the raw body', () => {
    const header = signWebhook('secret', body, at);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature('secret', body, header, at)).toBe(true);
    expect(verifyWebhookSignature('secret', `${body} `, header, at)).toBe(false);
    expect(verifyWebhookSignature('other', body, header, at)).toBe(false);
    // The timestamp is signed: moving it breaks the signature.
    expect(verifyWebhookSignature('secret', body, header.replace('t=1800000000', 't=1800000100'), at)).toBe(false);
  });

  it('refuses deliveries older (or newer) than five minutes, and malformed headers', () => {
    const header = signWebhook('secret', body, at);
    expect(verifyWebhookSignature('secret', body, header, at + 300)).toBe(true);
    expect(verifyWebhookSignature('secret', body, header, at + 301)).toBe(false);
    expect(verifyWebhookSignature('secret', body, header, at - 301)).toBe(false);
    for (const bad of [undefined, '', 'v1=abc', `t=${at}`, `t=${at},v1=zz`, `t=x,${header.split(',')[1]}`, `${header},t=${at}`]) {
      expect(verifyWebhookSignature('secret', body, bad, at)).toBe(false);
    }
  });

  it('accepts any one of several signatures, as during a secret rotation', () => {
    const current = signWebhook('new', body, at).split(',')[1];
    const previous = signWebhook('old', body, at).split(',')[1];
    expect(verifyWebhookSignature('new', body, `t=${at},${previous},${current}`, at)).toBe(true);
    expect(verifyWebhookSignature('old', body, `t=${at},${previous},${current}`, at)).toBe(true);
  });
});

describe('simulated gateway', () => {
  function gateway(options: { failure_rate?: number; delay_ms?: number; seed?: string } = {}) {
    const clock = fixedClock('2026-11-28T10:00:00.000Z');
    const received: Array<{ body: string; signature: string }> = [];
    const instance = new SimulatedGateway({
      secret: 'secret',
      clock,
      random: seededRandom(options.seed ?? 'gw'),
      failure_rate: options.failure_rate ?? 0,
      delay_ms: options.delay_ms ?? 0,
      deliver: async (body, signature) => {
        received.push({ body, signature });
      },
    });
    return { instance, clock, received };
  }

  it('fails about the configured share of requests, the same way for the same seed', async () => {
    const outcomes = async (seed: string) => {
      const { instance } = gateway({ failure_rate: 0.3, seed });
      for (let index = 0; index < 200; index += 1) await instance.collect(charge(`ref-${index}`));
      return instance.pendingEvents().map((entry) => entry.event.type);
    };
    const first = await outcomes('a');
    expect(await outcomes('a')).toEqual(first);
    const failed = first.filter((type) => type === 'payment.failed').length;
    expect(failed).toBeGreaterThan(35);
    expect(failed).toBeLessThan(85);
    expect(new Set((await outcomes('a')).map(String))).toEqual(new Set(['payment.failed', 'payment.succeeded']));
  });

  it('delivers signed events once they are due, and can deliver one again', async () => {
    const { instance, clock, received } = gateway({ delay_ms: 60_000 });
    const accepted = await instance.payout(charge('ref-1', 250n));
    expect(await instance.deliverPending()).toEqual({ delivered: 0, failed: 0 });
    clock.set('2026-11-28T10:01:00.000Z');
    expect(await instance.deliverPending()).toEqual({ delivered: 1, failed: 0 });
    const event = JSON.parse(received[0]!.body) as Record<string, unknown>;
    expect(event).toMatchObject({ type: 'payment.succeeded', reference: 'ref-1', amount_minor: '250', currency: 'CNY', gateway_payment_id: accepted.gateway_payment_id });
    expect(instance.verifyWebhook(received[0]!.body, received[0]!.signature)).toBe(true);
    await instance.redeliver(event.event_id as string);
    expect(received[1]!.body).toBe(received[0]!.body);
    expect(await instance.deliverPending()).toEqual({ delivered: 0, failed: 0 });
  });

  it('treats a repeated request with the same reference as the same payment', async () => {
    const { instance } = gateway();
    const first = await instance.collect(charge('ref-1'));
    expect(await instance.collect(charge('ref-1'))).toEqual(first);
    expect(instance.pendingEvents()).toHaveLength(1);
    await expect(instance.collect(charge('ref-1', 999n))).rejects.toThrow(/another request/);
  });

  it('keeps an event whose delivery failed for the next round, up to a limit', async () => {
    const clock = fixedClock('2026-11-28T10:00:00.000Z');
    let attempts = 0;
    const instance = new SimulatedGateway({
      secret: 'secret',
      clock,
      random: seededRandom('gw'),
      max_delivery_attempts: 2,
      deliver: async () => {
        attempts += 1;
        throw new Error('receiver down');
      },
    });
    await instance.collect(charge('ref-1'));
    expect(await instance.deliverPending()).toEqual({ delivered: 0, failed: 1 });
    expect(instance.pendingEvents()).toHaveLength(1);
    expect(await instance.deliverPending()).toEqual({ delivered: 0, failed: 1 });
    expect(instance.pendingEvents()).toHaveLength(0);
    expect(instance.droppedEvents()).toHaveLength(1);
    expect(attempts).toBe(2);
  });
});
