import {
  lambdaEndLines,
  lambdaNodeJson,
  lambdaNodeText,
  lambdaPythonText,
  lambdaPythonUnhandledJson,
  lambdaStartLine,
  pythonJsonDumps,
} from '../../../shippers/records';
import type { Rng } from '../../rng';
import type { Service } from '../services/types';
import { tokenPrefix } from '../services/types';
import { lambdaStreams } from './envelopes';
import { nodeLambdaJsonErrors, nodeLambdaTextErrors, pythonLambdaTextErrors, pythonLambdaUnhandledErrors } from './templates';

/**
 * Functions on AWS Lambda: the runtimes' own log formats (one event per log call, a multi-line
 * message whole), START / END / REPORT around invocations, uncaught errors as the runtime records them.
 */

function platformLine(ts: number, rng: Rng): string {
  const id = rng.uuid();
  const r = rng.next();
  if (r < 0.4) return lambdaStartLine(id);
  return lambdaEndLines(id, rng.int(3, 900) + rng.int(0, 99) / 100)[r < 0.7 ? 0 : 1]!;
}

/** Node.js, text format: `console.error('[openReplaySessionToken=…] checkout failed:', err)` — the error behind the text, `[cause]` blocks included. */
export const checkoutLambdaService: Service = {
  group: '/aws/lambda/checkout-api',
  language: 'node',
  style: 'prefix',
  shape: 'Lambda × Lambda runtime, text format × Node.js (Lambda)',
  errorLevel: 'error',
  streamNames: (rng, start) => lambdaStreams(rng, start, 2),
  templates: nodeLambdaTextErrors,
  tagged: (ts, rng, s) => `${lambdaNodeText(ts, rng.uuid(), 'INFO', `${tokenPrefix(s.token!)}cart ${rng.int(1000, 9999)} checked out`)}\n`,
  noise: platformLine,
  contextBefore: (_ts, rng) => lambdaStartLine(rng.uuid()),
  contextAfter: (_ts, rng) => lambdaEndLines(rng.uuid(), rng.int(30, 900))[0]!,
  error: (template, rng, s, ts) => {
    const error = template.build(rng, (m) => m);
    return {
      lines: [`${lambdaNodeText(ts, rng.uuid(), 'ERROR', `${tokenPrefix(s.token!)}checkout failed: ${error.chunks.join('\n')}`)}\n`],
      error,
    };
  },
};

/** Node.js, JSON format: the util.format'ed message plus `errorType`, `errorMessage`, `stackTrace`. */
export const notifyLambdaService: Service = {
  group: '/aws/lambda/notify-api',
  language: 'node',
  style: 'prefix',
  shape: 'Lambda × Lambda runtime, JSON format × Node.js (Lambda)',
  errorLevel: 'error',
  streamNames: (rng, start) => lambdaStreams(rng, start, 2),
  templates: nodeLambdaJsonErrors,
  tagged: (ts, rng, s) => lambdaNodeJson(ts, rng.uuid(), 'INFO', `${tokenPrefix(s.token!)}notification ${rng.int(1000, 9999)} sent`),
  noise: (ts, rng) => (rng.chance(0.5) ? platformLine(ts, rng) : lambdaNodeJson(ts, rng.uuid(), 'INFO', `queue depth ${rng.int(0, 90)}`)),
  contextBefore: (ts, rng) => lambdaNodeJson(ts, rng.uuid(), 'INFO', 'rendering template'),
  contextAfter: (_ts, rng) => lambdaEndLines(rng.uuid(), rng.int(30, 900))[0]!,
  error: (template, rng, s, ts) => {
    const error = template.build(rng, (m) => m);
    const stack = error.chunks.join('\n');
    return {
      lines: [
        lambdaNodeJson(ts, rng.uuid(), 'ERROR', `${tokenPrefix(s.token!)}notify failed: ${stack}`, {
          type: error.type,
          message: error.message,
          stack,
        }),
      ],
      error,
    };
  },
};

/** Python, text format: `logger.exception('invoice failed sessionToken="%s"', token)` — the token under another name. */
export const invoiceLambdaService: Service = {
  group: '/aws/lambda/invoice-api',
  language: 'python',
  style: 'token-named',
  shape: 'Lambda × Lambda runtime, text format × CPython (Lambda)',
  errorLevel: 'error',
  streamNames: (rng, start) => lambdaStreams(rng, start, 2),
  templates: pythonLambdaTextErrors,
  tagged: (ts, rng, s) => lambdaPythonText(ts, rng.uuid(), 'INFO', `invoice ${rng.int(1000, 9999)} rendered sessionToken="${s.token}"`),
  noise: platformLine,
  contextBefore: (ts, rng) => lambdaPythonText(ts, rng.uuid(), 'INFO', 'loading invoice lines'),
  contextAfter: (_ts, rng) => lambdaEndLines(rng.uuid(), rng.int(30, 900))[0]!,
  error: (template, rng, s, ts) => {
    const error = template.build(rng, (m) => m);
    return {
      lines: [
        lambdaPythonText(ts, rng.uuid(), 'ERROR', `invoice failed sessionToken="${s.token}"\n${error.chunks.join('').replace(/\n$/, '')}`),
      ],
      error,
    };
  },
};

/** Python, JSON format: an exception the handler does not catch, recorded by the runtime (`errorType`, `errorMessage`, `stackTrace`); the message names the session. */
export const exportLambdaService: Service = {
  group: '/aws/lambda/export-job',
  language: 'python',
  style: 'session-id',
  shape: 'Lambda × Lambda runtime, JSON format, unhandled error × CPython (Lambda)',
  errorLevel: 'error',
  streamNames: (rng, start) => lambdaStreams(rng, start, 2),
  templates: pythonLambdaUnhandledErrors,
  tagged: (ts, rng, s) =>
    pythonJsonDumps({
      timestamp: new Date(ts).toISOString(),
      level: 'INFO',
      message: `openReplaySession.id=${s.id} export ${rng.int(100, 999)} started`,
      logger: 'root',
      requestId: rng.uuid(),
    }),
  noise: platformLine,
  contextBefore: (_ts, rng) => lambdaStartLine(rng.uuid()),
  contextAfter: (_ts, rng) => lambdaEndLines(rng.uuid(), rng.int(30, 900))[0]!,
  error: (template, rng, s, ts) => {
    const error = template.build(rng, (m) => `openReplaySession.id=${s.id} ${m}`);
    // traceback.format_list: one entry per frame, between the header and the exception line.
    const stackTrace = error.chunks.slice(1, -1);
    return { lines: [lambdaPythonUnhandledJson(ts, rng.uuid(), { type: error.type, message: error.message, stackTrace })], error };
  },
};
