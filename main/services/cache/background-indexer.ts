/**
 * Runs one indexing step per event-loop turn (setImmediate) until nothing is pending, so a large
 * saved run is indexed without blocking the app for long. The handle is unref'd: a CLI process
 * may exit with work left; whoever opens the cache next carries on.
 */
export class BackgroundIndexer {
  private scheduled: NodeJS.Immediate | null = null;

  /** `step` returns how many events are still pending after doing one step. */
  constructor(private readonly step: () => number) {}

  schedule(): void {
    if (this.scheduled !== null) return;
    this.scheduled = setImmediate(() => {
      this.scheduled = null;
      try {
        if (this.step() > 0) this.schedule();
      } catch {
        // A full or damaged disk stops background indexing; search still checks unindexed rows.
      }
    });
    this.scheduled.unref();
  }

  cancel(): void {
    if (this.scheduled !== null) clearImmediate(this.scheduled);
    this.scheduled = null;
  }
}
