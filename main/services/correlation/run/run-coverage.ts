import type { Connection } from '../../../../shared/domain/connection';
import type { RunFailure, TimeWindow } from '../../../../shared/domain/correlation';
import type { PartDone, RunQueriesResult } from '../queries/run-queries';
import { cancelledPartly, everyConnection, missingFrom, stoppedAtBudget, unionOf } from '../window-coverage';

/** Which parts of the window a run delivered whole, and what the failures say of the rest. */
export class RunCoverage {
  private readonly parts: TimeWindow[] = [];
  /** Where the parts done so far end: a run stopped in the next part covers from there. */
  private partsEnd: number;

  constructor(private readonly window: TimeWindow) {
    this.partsEnd = window.from;
  }

  partDone(part: PartDone): void {
    if (part.failures.length === 0) this.parts.push(part.window);
    this.partsEnd = part.window.to;
  }

  /** Some part of the window was delivered whole. */
  get anyPart(): boolean {
    return this.parts.length > 0;
  }

  /**
   * The ranges covered once the queries ended (`queried` undefined: cancelled after some rows
   * arrived), and a failure per connection for a run stopped at its budget or cancelled.
   */
  close(
    queried: RunQueriesResult | undefined,
    connections: readonly Connection[],
    maxEvents: number,
  ): { covered: TimeWindow[]; failures: RunFailure[] } {
    const covered = [...this.parts];
    const failures: RunFailure[] = [];
    if (queried?.stopped) {
      const reachedTo = Math.max(this.partsEnd, queried.coveredTo ?? this.partsEnd);
      covered.push({ from: this.partsEnd, to: reachedTo });
      failures.push(...everyConnection(connections, stoppedAtBudget(maxEvents, { from: this.window.from, to: reachedTo })));
    }
    if (!queried) failures.push(...everyConnection(connections, cancelledPartly(missingFrom(this.window, covered))));
    return { covered: unionOf(covered), failures };
  }
}
