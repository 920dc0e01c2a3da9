/** Says, with --verbose, how long each stage of a build took and how much memory is in use. */
export class StageClock {
  private stage = 'state';
  private since = performance.now();
  constructor(private readonly log?: (line: string) => void) {}

  lap(next: string): void {
    const now = performance.now();
    const rss = Math.round(process.memoryUsage.rss() / 2 ** 20);
    this.log?.(`${this.stage} took ${((now - this.since) / 1000).toFixed(2)} s (memory in use ${rss} MB)`);
    this.stage = next;
    this.since = now;
  }
}
