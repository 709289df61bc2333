import { executeQuery } from '../cloudwatch-emulator/insights/execute';
import { parseQuery } from '../cloudwatch-emulator/insights/parser';
import { LogStore } from '../cloudwatch-emulator/store/log-store';

const T0 = Date.UTC(2024, 0, 24, 12, 0, 0);

/**
 * The messages a Logs Insights query keeps, run by the emulator's own engine in-process (its RE2
 * translation included): the fast check for unit tests. The integration tests send the same
 * query through the real SDK over HTTP.
 */
export function messagesFound(query: string, messages: readonly string[]): Set<string> {
  const store = new LogStore();
  const stream = store.ensureStream('/unit', 'lines', T0);
  messages.forEach((message, i) => stream.append(T0 + i, message, T0 + i + 1));
  const out = executeQuery({
    query: parseQuery(query),
    groups: [store.getGroup('/unit')!],
    startTime: Math.floor(T0 / 1000),
    endTime: Math.floor((T0 + messages.length) / 1000) + 1,
    accountId: '123456789012',
    limit: 100_000,
  });
  return new Set(out.rows.map((row) => row.find((f) => f.field === '@message')?.value ?? ''));
}
