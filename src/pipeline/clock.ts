/** Says, with --verbose, how long each stage of a build took and how much memory it used. */
export class StageClock {
  private stage = 'state';
  private since = performance.now();
  private peak = 0;
  private readonly sampler: NodeJS.Timeout | undefined;

  constructor(private readonly log?: (line: string) => void) {
    // Sampled: a stage's peak, not what is left at its end, is what a large edition runs out of.
    if (log) this.sampler = setInterval(() => this.sample(), 200).unref();
  }

  private sample(): number {
    const rss = process.memoryUsage.rss();
    this.peak = Math.max(this.peak, rss);
    return rss;
  }

  lap(next: string): void {
    const now = performance.now();
    const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);
    const rss = this.sample();
    const { heapUsed, external } = process.memoryUsage();
    this.log?.(
      `${this.stage} took ${((now - this.since) / 1000).toFixed(2)} s (memory in use ${mb(rss)} MB, peak ${mb(this.peak)} MB; this thread's heap ${mb(heapUsed)} MB, buffers ${mb(external)} MB)`,
    );
    this.stage = next;
    this.since = now;
    this.peak = 0;
  }

  stop(): void {
    clearInterval(this.sampler);
  }
}
