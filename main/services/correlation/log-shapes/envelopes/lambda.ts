import type { Level } from '../../../../../shared/domain/correlation';
import type { EventFields } from '../../../../../shared/domain/log-parts';
import { parseJsonObject, type JsonObject } from '../json-record';
import { levelFromName } from '../levels';
import { stripTokenPrefix } from '../../../../../shared/session/session-tags';

/** A line as AWS Lambda's runtimes and platform write it, read down to the program's own message. */
export interface LambdaLine {
  body: string;
  level: Level;
  fields: EventFields;
  /** The runtime's JSON report of an uncaught error (`errorType`, `errorMessage`, `stack`). */
  record?: JsonObject;
  /** For platform lines, what to list them as. */
  summary?: string;
}

const ISO = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z`;
// Node.js runtime (console.*): `ISO\tREQUEST_ID\tLEVEL\tmessage`; the message may span lines.
const NODE_TEXT_RE = new RegExp(String.raw`^${ISO}\t([^\t\n]*)\t(TRACE|DEBUG|INFO|WARN|ERROR|FATAL)\t`);
// Python runtime (logging): `[LEVEL]\tISO\tREQUEST_ID\tmessage`.
const PYTHON_TEXT_RE = new RegExp(String.raw`^\[(NOTSET|DEBUG|INFO|WARNING|ERROR|CRITICAL)\]\t${ISO}\t([^\t\n]*)\t`);
// Python runtime, an uncaught error: `[ERROR] Type: message`, then `Traceback…` (lines joined by
// `\n`, or by `\r` on stdout; frames indented with no-break spaces).
const PYTHON_UNCAUGHT_RE = /^\[ERROR\] (?=\S)/;
// Node.js runtime, an uncaught error: `Invoke Error \t{…}`, `Uncaught Exception \t{…}`: the
// error serialised with `errorType`, `errorMessage` and `stack` as an array of lines.
const NODE_UNCAUGHT_RE = /^[A-Z][A-Za-z ]{2,40} \t(\{[\s\S]*\})$/;
// The platform's own lines: START, END, REPORT, INIT_START… (text format).
const PLATFORM_RE =
  /^(?:START|END|REPORT|INIT_START|INIT_REPORT|RESTORE_START|RESTORE_REPORT|EXTENSION|TELEMETRY)\b(?: RequestId: ([\w-]+))?/;

export function readLambdaText(text: string): LambdaLine | undefined {
  const node = NODE_TEXT_RE.exec(text);
  if (node) return withMessage(text.slice(node[0].length), levelFromName(node[2] as string) ?? 'unknown', node[1] as string);
  const python = PYTHON_TEXT_RE.exec(text);
  if (python) return withMessage(text.slice(python[0].length), levelFromName(python[1] as string) ?? 'unknown', python[2] as string);
  if (PYTHON_UNCAUGHT_RE.test(text)) return { body: text.slice('[ERROR] '.length), level: 'error', fields: {} };
  const platform = PLATFORM_RE.exec(text);
  if (platform) return { body: text, level: 'info', fields: requestIdField(platform[1]), summary: text.split(/[\t\n]/)[0]?.trim() ?? text };
  return undefined;
}

function withMessage(rest: string, level: Level, requestId: string): LambdaLine {
  const body = stripTokenPrefix(rest);
  const line: LambdaLine = { body, level, fields: requestIdField(requestId) };
  const uncaught = NODE_UNCAUGHT_RE.exec(body);
  const record = uncaught ? parseJsonObject(uncaught[1] as string) : parseJsonObject(body);
  if (record) line.record = record;
  return line;
}

/** The runtime writes `undefined` outside an invocation: no request to name. */
function requestIdField(requestId: string | undefined): EventFields {
  return requestId === undefined || requestId === '' || requestId === 'undefined' ? {} : { requestId };
}

/** A platform record of Lambda's JSON log format: `{"time", "type": "platform.start", "record": {"requestId"…}}`. */
export function lambdaPlatformRecord(json: JsonObject): { summary: string; requestId?: string } | undefined {
  const type = json.type;
  if (typeof type !== 'string' || !type.startsWith('platform.') || typeof json.time !== 'string') return undefined;
  const record = json.record;
  const requestId =
    record !== null && typeof record === 'object' && typeof (record as JsonObject).requestId === 'string'
      ? ((record as JsonObject).requestId as string)
      : undefined;
  return requestId === undefined ? { summary: type } : { summary: `${type} ${requestId}`, requestId };
}
