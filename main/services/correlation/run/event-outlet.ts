import type { LogEvent, TimeWindow } from '../../../../shared/domain/correlation';

/**
 * Where a run's final events leave it for the save stage: only those inside `keep` (a refresh
 * keeps the cached run's events elsewhere), counted.
 */
export class EventOutlet {
  /** Events handed on so far. */
  count = 0;

  constructor(
    private readonly onEvents: (events: LogEvent[]) => void | Promise<void>,
    private readonly keep?: readonly TimeWindow[],
  ) {}

  async hand(events: LogEvent[]): Promise<void> {
    const keep = this.keep;
    const wanted = keep ? events.filter((e) => keep.some((r) => e.timestamp >= r.from && e.timestamp <= r.to)) : events;
    this.count += wanted.length;
    if (wanted.length > 0) await this.onEvents(wanted);
  }
}
