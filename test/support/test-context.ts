import { createHash } from 'node:crypto';
import { fixedClock } from '../../src/services/clock.js';
import type { RandomSource, ServiceContext } from '../../src/services/context.js';
import { FieldCipher } from '../../src/services/crypto/field-cipher.js';
import type { PaymentGateway } from '../../src/services/payments/payment-gateway.js';
import { makeNationalId } from '../../src/core/members/national-id.js';
import type { PersonInput } from '../../src/services/members.js';
import type { DialectName } from '../../src/store/schema.js';
import type { Store } from '../../src/store/store.js';
import { freshStore } from './test-stores.js';

/** Repeatable random bytes: SHA-256 of a seed and a counter. */
export function seededRandom(seed: string): RandomSource {
  let counter = 0;
  return {
    bytes(count) {
      const out = Buffer.alloc(count);
      for (let offset = 0; offset < count; offset += 32) {
        createHash('sha256').update(`${seed}:${counter++}`).digest().copy(out, offset, 0, Math.min(32, count - offset));
      }
      return out;
    },
  };
}

/** A gateway that refuses to be used; tests that move money pass the simulated gateway instead. */
export const unusedGateway: PaymentGateway = {
  name: 'unused',
  collect: async () => {
    throw new Error('no gateway in this test');
  },
  payout: async () => {
    throw new Error('no gateway in this test');
  },
  verifyWebhook: () => false,
};

export type TestContext = ServiceContext & { clock: ReturnType<typeof fixedClock>; store: Store };

export async function testContext(dialect: DialectName, options: { now?: string; gateway?: PaymentGateway; store?: Store } = {}): Promise<TestContext> {
  const store = options.store ?? (await freshStore(dialect));
  return {
    store,
    clock: fixedClock(options.now ?? '2026-11-28T10:00:00.000Z'),
    cipher: new FieldCipher(Buffer.alloc(32, 7)),
    random: seededRandom('test'),
    gateway: options.gateway ?? unusedGateway,
  };
}

/** A valid person of the given birth date; `sequence` makes the ID number unique. */
export function personBornOn(birth_date: string, sequence: number, overrides: Partial<PersonInput> = {}): PersonInput {
  const [year, month, day] = birth_date.split('-').map(Number) as [number, number, number];
  const gender = overrides.gender ?? (sequence % 2 === 0 ? 'female' : 'male');
  return {
    name: '吴晓漫',
    id_number: makeNationalId('110105', { year, month, day }, sequence, gender),
    birth_date,
    gender,
    province: '北京',
    phone: `1380000${String(sequence % 10000).padStart(4, '0')}`,
    relationship: 'self',
    ...overrides,
  };
}

export const noToAll = { 'HQ-CANCER': false, 'HQ-HEART': false, 'HQ-HOSPITAL': false, 'HQ-CLAIM': false } as const;
