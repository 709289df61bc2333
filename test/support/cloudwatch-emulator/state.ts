import { EmulatorClock } from './clock';
import { LiveTails } from './live-tail/live-tails';
import type { Faults } from './server/faults';
import type { Caller } from './server/sigv4';
import { LogStore } from './store/log-store';
import type { EmulatorCredential, QueryLatency } from './types';
import { QueryPages } from './operations/query-pages';
import { QueryRegistry } from './operations/query-registry';

/** Everything the operations share: the data, the quotas and the fault plan. */
export class EmulatorState {
  readonly store = new LogStore();
  readonly accountId: string;
  readonly credentials: Map<string, EmulatorCredential>;
  readonly faults: Faults;
  readonly queries: QueryRegistry;
  readonly pages = new QueryPages();
  readonly clock = new EmulatorClock();
  readonly liveTails = new LiveTails({ store: this.store, clock: this.clock });
  readonly operations: Record<string, number> = {};
  queriesStarted = 0;
  queryLatency: QueryLatency;
  maxConcurrentQueries: number;

  constructor(opts: {
    accountId: string;
    credentials: EmulatorCredential[];
    faults: Faults;
    queryLatency: QueryLatency;
    maxConcurrentQueries: number;
  }) {
    this.accountId = opts.accountId;
    this.credentials = new Map(opts.credentials.map((c) => [c.accessKeyId, c]));
    this.faults = opts.faults;
    this.queryLatency = opts.queryLatency;
    this.maxConcurrentQueries = opts.maxConcurrentQueries;
    this.queries = new QueryRegistry();
  }
}

export interface OperationContext {
  state: EmulatorState;
  caller: Caller;
  now: number;
}

export function groupArn(ctx: OperationContext, name: string): string {
  return `arn:aws:logs:${ctx.caller.region}:${ctx.state.accountId}:log-group:${name}`;
}
