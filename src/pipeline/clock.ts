/**
 * Says, with --verbose, how long each stage of a build took and how much memory it used. The
 * stages before and after the families follow each other (lap); the families' stages may overlap
 * (families made side by side), so each is timed from its first family's start to its last one's
 * end (begin, end), and the memory peak is that of the whole time it was under way.
 */
export class StageClock {
  private stage: string | undefined = 'state';
  private since = performance.now();
  private peak = 0;
  private readonly open = new Map<string, { since: number; peak: number }>();
  private readonly sampler: NodeJS.Timeout | undefined;

  constructor(private readonly log?: (line: string) => void) {
    // Sampled: a stage's peak, not what is left at its end, is what a large edition runs out of.
    if (log) this.sampler = setInterval(() => this.sample(), 200).unref();
  }

  private sample(): number {
    const rss = process.memoryUsage.rss();
    this.peak = Math.max(this.peak, rss);
    for (const stage of this.open.values()) stage.peak = Math.max(stage.peak, rss);
    return rss;
  }

  private say(stage: string, since: number, peak: number): void {
    const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);
    const rss = this.sample();
    const { heapUsed, external } = process.memoryUsage();
    this.log?.(
      `${stage} took ${((performance.now() - since) / 1000).toFixed(2)} s (memory in use ${mb(rss)} MB, peak ${mb(Math.max(peak, rss))} MB; this thread's heap ${mb(heapUsed)} MB, buffers ${mb(external)} MB)`,
    );
  }

  /** Ends the stage under way (if any) and starts `next` (none: the families' stages follow, timed by begin and end). */
  lap(next?: string): void {
    if (this.stage !== undefined) this.say(this.stage, this.since, this.peak);
    this.stage = next;
    this.since = performance.now();
    this.peak = 0;
  }

  /** A stage of families begins (its first family starts). */
  begin(stage: string): void {
    this.open.set(stage, { since: performance.now(), peak: this.sample() });
  }

  /** A stage of families ends (its last family is made). */
  end(stage: string): void {
    const open = this.open.get(stage);
    if (!open) return;
    this.open.delete(stage);
    this.say(stage, open.since, open.peak);
  }

  stop(): void {
    clearInterval(this.sampler);
  }
}
