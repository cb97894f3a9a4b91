import { note } from './result-line.js';

/** Progress on stderr at most every `intervalMs`, so a long run shows it is alive without flooding the log. */
export class Progress {
  readonly #label: string;
  readonly #intervalMs: number;
  readonly #startedAt = performance.now();
  #lastAt = performance.now();

  constructor(label: string, intervalMs = 5000) {
    this.#label = label;
    this.#intervalMs = intervalMs;
  }

  /** `timedSeconds` is the measured time so far (it may exclude untimed work between batches). */
  report(done: number, total: number | undefined, timedSeconds: number, force = false): void {
    const now = performance.now();
    if (!force && now - this.#lastAt < this.#intervalMs) return;
    this.#lastAt = now;
    const rate = timedSeconds > 0 ? Math.round(done / timedSeconds) : 0;
    const of = total === undefined ? '' : `/${total.toLocaleString('en')}`;
    const wall = ((now - this.#startedAt) / 1000).toFixed(1);
    note(`${this.#label}: ${done.toLocaleString('en')}${of} in ${timedSeconds.toFixed(2)} s timed (${wall} s wall), ${rate.toLocaleString('en')}/s`);
  }
}
