import type { Store } from '../store/store.js';
import { RandomPool } from './crypto/random-pool.js';
import type { Clock } from './clock.js';
import type { FieldCipher } from './crypto/field-cipher.js';
import type { PaymentGateway } from './payments/payment-gateway.js';

/** Random bytes come in through the context, so tests and the demo can make them repeatable. */
export interface RandomSource {
  bytes(count: number): Uint8Array;
}

const pool = new RandomPool();
export const cryptoRandom: RandomSource = { bytes: (count) => pool.take(count) };

/** What every service needs: the store, the time, the personal-data cipher, randomness and the payment port. */
export interface ServiceContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly cipher: FieldCipher;
  readonly random: RandomSource;
  readonly gateway: PaymentGateway;
}
