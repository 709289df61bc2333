import type { InsightsRow, RowSource } from '../../../main/services/correlation/rows/row-batch';

/** Real-format session tokens (docs/architecture.md): 4-part, 3-part, and 4-part with a negative delay. */
export const TOKEN_4 = 'jw4wdfpgqhoj.3az.lrraavgc.5KJp7z9wQbUe4rXc2YtG8hNfDs';
export const TOKEN_3 = 'jw4wdfpgqhoj.lrraavgc.3xYz9AbCdEfGhJkLmNpQrStUvWx';
export const TOKEN_NEG = 'jw4wdfpgqhoj.-3az.lrraavgc.4Gh7JkLmNpQrStUvWxYz2aBc';

export const SESSION_START = Date.UTC(2024, 0, 24, 2, 27, 39, 324);

export const API: RowSource = { connectionId: 'c1', connection: 'prod', logGroups: ['/ecs/api', '/ecs/worker'] };
export const OTHER: RowSource = { connectionId: 'c2', connection: 'staging', logGroups: ['/ecs/api'] };

/** Logs Insights' `@timestamp` format: `YYYY-MM-DD HH:MM:SS.mmm`, UTC. */
export function insightsTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

export interface RowSpec {
  at: number; // ms after SESSION_START
  message: string;
  stream?: string;
  group?: string;
  ptr?: string;
}

let ptrCounter = 0;

export function row({ at, message, stream = 'api/i-1', group = '/ecs/api', ptr }: RowSpec): InsightsRow {
  const timestamp = SESSION_START + at;
  return {
    '@timestamp': insightsTime(timestamp),
    '@message': message,
    '@logStream': stream,
    '@log': `123456789012:${group}`,
    '@ptr': ptr ?? `ptr-${++ptrCounter}`,
    '@ingestionTime': insightsTime(timestamp + 150),
  };
}

/** One row per line, `stepMs` apart, each with the monkeypatch's `[openReplaySessionToken=…] ` prefix when `token` is set. */
export function splitRows(text: string, options: { at: number; stream?: string; token?: string; stepMs?: number }): InsightsRow[] {
  const { at, stream, token, stepMs = 1 } = options;
  return text
    .split('\n')
    .map((line, i) =>
      row({ at: at + i * stepMs, stream, message: token === undefined ? line : `[openReplaySessionToken=${token}] ${line}` }),
    );
}
