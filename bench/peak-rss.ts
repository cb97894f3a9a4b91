/**
 * Peak resident set size of this process (not of a PostgreSQL server it talks to). Sampled on a
 * timer, and checked against the kernel's own high-water mark (getrusage maxrss, KiB), which also
 * catches a peak between two samples. The larger of the two is reported.
 */
export class PeakRssSampler {
  #peakBytes = 0;
  #timer: NodeJS.Timeout | undefined;

  start(intervalMs = 50): void {
    this.sample();
    this.#timer = setInterval(() => this.sample(), intervalMs);
    // The sampler must never keep a finished benchmark alive.
    this.#timer.unref();
  }

  sample(): void {
    // Same number as process.memoryUsage().rss, without collecting the heap statistics every 50 ms.
    const rssBytes = process.memoryUsage.rss();
    if (rssBytes > this.#peakBytes) this.#peakBytes = rssBytes;
  }

  /** Stops sampling; returns the peak in MiB with both measurements, for the stderr details. */
  stop(): { peak_rss_mb: number; sampled_mb: number; max_rss_mb: number } {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    this.sample();
    const mebibyte = 1024 * 1024;
    const sampled_mb = this.#peakBytes / mebibyte;
    const max_rss_mb = (process.resourceUsage().maxRSS * 1024) / mebibyte;
    return { peak_rss_mb: Math.max(sampled_mb, max_rss_mb), sampled_mb, max_rss_mb };
  }
}
