import { Rng } from '../rng';
import type { FaultOptions, QueryOutcomeFault } from '../types';

export type FaultAction = 'none' | 'throttle' | 'unavailable' | 'drop';

/** Decides, reproducibly from a seed, which requests fail and how. */
export class Faults {
  private options: FaultOptions = {};
  private rng = new Rng(0);
  private outcomes: QueryOutcomeFault[] = [];
  private limitExceededLeft = 0;

  constructor(options: FaultOptions = {}) {
    this.set(options);
  }

  set(options: FaultOptions): void {
    this.options = { ...options };
    this.rng = new Rng(options.seed ?? 0);
    this.outcomes = (options.queryOutcome ?? []).map((o) => ({ ...o, count: o.count ?? (o.match === undefined ? 1 : Infinity) }));
    this.limitExceededLeft = options.limitExceeded?.count ?? 0;
  }

  get extraLatencyMs(): number {
    return this.options.extraLatencyMs ?? 0;
  }

  /** One draw per configured fault kind, in a fixed order, so a seed replays the same sequence. */
  decide(operation: string): FaultAction {
    const kinds: [FaultAction, Partial<Record<string, number>> | undefined][] = [
      ['drop', this.options.drop],
      ['unavailable', this.options.unavailable],
      ['throttle', this.options.throttle],
    ];
    for (const [action, rates] of kinds) {
      const p = rates?.[operation] ?? rates?.['*'];
      if (p !== undefined && p > 0 && this.rng.next() < p) return action;
    }
    return 'none';
  }

  takeLimitExceeded(): boolean {
    if (this.limitExceededLeft <= 0) return false;
    this.limitExceededLeft--;
    return true;
  }

  /** The forced final status for a query being started, if any. */
  takeOutcome(queryString: string): QueryOutcomeFault['status'] | undefined {
    for (const o of this.outcomes) {
      if ((o.count ?? 0) <= 0) continue;
      if (o.match !== undefined && !queryString.includes(o.match)) continue;
      o.count = (o.count ?? 1) - 1;
      return o.status;
    }
    return undefined;
  }
}
