import { pythonWorkerErrors } from '../errors/python';
import type { Service } from './types';

/** python-json-logger output: json.dumps with its default ", " / ": " separators. */
function pyJson(fields: Record<string, string | number | undefined>): string {
  const parts = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{${parts.join(', ')}}`;
}

/** Lambda worker (Python) logging JSON with an `openReplaySessionToken` field. */
export const reportWorkerService: Service = {
  group: '/aws/lambda/report-worker',
  language: 'python',
  style: 'json',
  shape: 'Lambda × python-json-logger × CPython (Lambda)',
  errorLevel: 'error',
  streamNames: (rng, startMs) => {
    const day = new Date(startMs).toISOString().slice(0, 10).replace(/-/g, '/');
    return [`${day}/[$LATEST]${rng.hex(32)}`, `${day}/[$LATEST]${rng.hex(32)}`];
  },
  templates: pythonWorkerErrors,
  tagged: (_ts, rng, s) =>
    pyJson({
      level: 'info',
      logger: 'reports',
      openReplaySessionToken: s.token,
      message: `report ${rng.int(10000, 99999)} ${rng.pick(['queued', 'rendered', 'uploaded'])}`,
      requestId: rng.uuid(),
    }),
  noise: (_ts, rng) => {
    const id = rng.uuid();
    const r = rng.next();
    if (r < 0.3) return `START RequestId: ${id} Version: $LATEST`;
    if (r < 0.6) return `END RequestId: ${id}`;
    if (r < 0.85) {
      const ms = rng.int(80, 3000);
      return `REPORT RequestId: ${id}\tDuration: ${ms}.${rng.int(10, 99)} ms\tBilled Duration: ${ms + 1} ms\tMemory Size: 512 MB\tMax Memory Used: ${rng.int(70, 200)} MB`;
    }
    return pyJson({ level: 'info', logger: 'reports', message: `scheduled digest ${rng.int(100, 999)} built`, requestId: id });
  },
  contextBefore: (_ts, rng) => `START RequestId: ${rng.uuid()} Version: $LATEST`,
  contextAfter: (_ts, rng) => `END RequestId: ${rng.uuid()}`,
  error: (template, rng, s) => {
    const error = template.build(rng, (m) => m);
    const line = pyJson({
      level: 'error',
      logger: 'reports',
      openReplaySessionToken: s.token,
      message: 'report generation failed',
      exc_info: error.chunks.join('').replace(/\n$/, ''),
    });
    return { lines: [line], error };
  },
};
