import type { AccountDefinition } from '../src/ledger/account.js';
import type { TransferInput } from '../src/ledger/transfer.js';
import { SeededRandom } from './seeded-random.js';

/*
 * A deterministic ledger workload: member wallets (liabilities with a non_negative guard), the
 * custody account holding their money (an asset, also guarded) and the operator's fee income.
 * First every wallet is topped up; then a mix of top-ups, wallet-to-wallet transfers, fees and
 * withdrawals whose amounts are chosen from balances kept here, so that no transfer is ever refused.
 */

const currency = 'CNY';
export const custodyAccountCode = 'bench:custody';
export const incomeAccountCode = 'bench:income:fees';

export function walletAccountCode(wallet: number): string {
  return `bench:wallet:${String(wallet).padStart(6, '0')}`;
}

export function benchAccountDefinitions(wallets: number): AccountDefinition[] {
  const definitions: AccountDefinition[] = [];
  for (let wallet = 0; wallet < wallets; wallet += 1) {
    definitions.push({ code: walletAccountCode(wallet), name: `Member wallet ${wallet}`, type: 'liability', currency, guard: 'non_negative' });
  }
  definitions.push({ code: custodyAccountCode, name: 'Custody bank account', type: 'asset', currency, guard: 'non_negative' });
  definitions.push({ code: incomeAccountCode, name: 'Management fee income', type: 'income', currency, guard: 'none' });
  return definitions;
}

export interface PlannedTransfer {
  readonly input: TransferInput;
  /** Balances (on the normal side) this transfer raises once it is posted: [account index, amount]. */
  readonly increases: ReadonlyArray<readonly [number, number]>;
}

export class LedgerWorkload {
  readonly #wallets: number;
  readonly #random: SeededRandom;
  readonly #keyPrefix: string;
  /**
   * What each guarded account can still give, on its normal side, in minor units: wallets
   * 0 … wallets−1, then custody. Plain numbers are exact here: even 10^7 top-ups of at most
   * 10^5 stay far below 2^53.
   */
  readonly #available: number[];
  readonly #custody: number;
  #count = 0;

  constructor(options: { wallets: number; seed: number; keyPrefix: string }) {
    if (!Number.isInteger(options.wallets) || options.wallets < 2) throw new Error('the ledger workload needs at least 2 wallets');
    this.#wallets = options.wallets;
    this.#random = new SeededRandom(options.seed);
    this.#keyPrefix = options.keyPrefix;
    this.#custody = options.wallets;
    this.#available = new Array<number>(options.wallets + 1).fill(0);
  }

  get count(): number {
    return this.#count;
  }

  /**
   * The next transfer. What it takes from an account is taken from the available balance at once,
   * what it gives only at `settle`, after it is posted: so concurrent workers, whose transfers
   * commit in any order, never spend money that is not yet in an account.
   */
  next(): PlannedTransfer {
    const index = this.#count;
    this.#count += 1;
    const idempotency_key = `${this.#keyPrefix}${index}`;
    if (index < this.#wallets) return this.#topUp(idempotency_key, index, this.#random.between(10_000, 100_000));

    const roll = this.#random.below(100);
    const from = this.#random.below(this.#wallets);
    const balance = this.#available[from]!;
    if (roll < 15 || balance === 0) return this.#topUp(idempotency_key, from, this.#random.between(1_000, 50_000));
    if (roll < 75) {
      // Another wallet: pick among the other wallets − 1 and skip over `from`.
      let to = this.#random.below(this.#wallets - 1);
      if (to >= from) to += 1;
      const amount = this.#random.between(1, Math.min(balance, 20_000));
      this.#available[from] = balance - amount;
      return this.#transfer(idempotency_key, 'member_transfer', 'Transfer between members', walletAccountCode(from), walletAccountCode(to), amount, [[to, amount]]);
    }
    if (roll < 90) {
      const amount = this.#random.between(1, Math.min(balance, 500));
      this.#available[from] = balance - amount;
      return this.#transfer(idempotency_key, 'management_fee', 'Management fee', walletAccountCode(from), incomeAccountCode, amount, []);
    }
    // A withdrawal also lowers custody; custody always holds at least every wallet's money, but it is checked anyway.
    const amount = Math.min(this.#random.between(1, Math.min(balance, 10_000)), this.#available[this.#custody]!);
    if (amount === 0) return this.#topUp(idempotency_key, from, this.#random.between(1_000, 50_000));
    this.#available[from] = balance - amount;
    this.#available[this.#custody] = this.#available[this.#custody]! - amount;
    return this.#transfer(idempotency_key, 'withdrawal', 'Withdrawal to the member\'s bank card', walletAccountCode(from), custodyAccountCode, amount, []);
  }

  /** Call once the transfer is posted: its credits become spendable. */
  settle(planned: PlannedTransfer): void {
    for (const [account, amount] of planned.increases) this.#available[account] = this.#available[account]! + amount;
  }

  /** Money goes into custody (debit, asset up) and onto the member's wallet (credit, liability up). */
  #topUp(idempotency_key: string, wallet: number, amount: number): PlannedTransfer {
    return this.#transfer(idempotency_key, 'top_up', 'Wallet top-up', custodyAccountCode, walletAccountCode(wallet), amount, [
      [wallet, amount],
      [this.#custody, amount],
    ]);
  }

  #transfer(
    idempotency_key: string,
    kind: string,
    description: string,
    debit_account_code: string,
    credit_account_code: string,
    amount: number,
    increases: ReadonlyArray<readonly [number, number]>,
  ): PlannedTransfer {
    const amount_minor = BigInt(amount);
    return {
      input: {
        idempotency_key,
        kind,
        description,
        currency,
        legs: [
          { account_code: debit_account_code, side: 'debit', amount_minor },
          { account_code: credit_account_code, side: 'credit', amount_minor },
        ],
      },
      increases,
    };
  }
}
