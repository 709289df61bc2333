import type { Level } from '../../../../shared/domain/correlation';
import type { EventFields } from '../../../../shared/domain/log-parts';
import { lambdaPlatformRecord, readLambdaText } from './envelopes/lambda';
import { recordFields } from './envelopes/record-fields';
import { unwrapShipper } from './envelopes/shipper-envelope';
import { exceptionFromJson } from './error-objects';
import { levelFromJson, messageFromJson, parseJsonObject, type JsonObject } from './json-record';
import { levelFromText } from './levels';
import { stripTokenPrefix } from '../../../../shared/session/session-tags';

/** A logged line, understood: its innermost record and what it says about itself. */
export interface LogRecord {
  /** The innermost record as text: no token prefix, envelopes unwrapped. */
  body: string;
  /** The innermost record when it is a JSON object. */
  record?: JsonObject;
  /** Where the message's JSON object (the record, or its envelope) starts. */
  jsonAt?: number;
  /** Envelope and record metadata. */
  fields?: EventFields;
  level: Level;
  /** What to list the line as, when the record's own message does not say (Lambda platform lines). */
  title?: string;
}

/** Envelopes inside envelopes are unwrapped this deep at most. */
const MAX_DEPTH = 3;

/**
 * Reads one logged line (an event's message) down to its innermost record: the token prefix
 * off, a shipper's envelope (Fluent Bit, FireLens, Docker) opened — the line inside is a string,
 * JSON escaped in it —, AWS Lambda's text prefix read. The level is the innermost record's,
 * never the envelope's stream (`stderr` is where errors go, not what they are).
 */
export function readRecord(logged: string): LogRecord {
  const message = logged.trimEnd();
  const body = stripTokenPrefix(message);
  const json = parseJsonObject(body);
  if (json) return withJsonAt(fromJson(json, body, {}, 0), message.length - body.length);
  return joinedEnvelopes(body) ?? fromText(body, {});
}

function fromJson(json: JsonObject, text: string, fields: EventFields, depth: number): LogRecord {
  const shipped = depth < MAX_DEPTH ? unwrapShipper(json) : undefined;
  if (shipped) {
    Object.assign(fields, shipped.fields, fields);
    const inner = stripTokenPrefix(shipped.log);
    const record = shipped.parsed ?? parseJsonObject(inner);
    return record ? fromJson(record, inner, fields, depth + 1) : fromText(inner, fields);
  }
  recordFields(json, fields);
  const platform = lambdaPlatformRecord(json);
  if (platform) {
    if (platform.requestId !== undefined) fields.requestId ??= platform.requestId;
    return finish({ body: text, record: json, level: 'info', title: platform.summary }, fields);
  }
  return finish({ body: text, record: json, level: levelOfJson(json) }, fields);
}

function fromText(text: string, fields: EventFields): LogRecord {
  const lambda = readLambdaText(text);
  if (!lambda) return finish({ body: text, level: levelFromText(text) }, fields);
  Object.assign(fields, lambda.fields, fields);
  const read: LogRecord = { body: lambda.body, level: lambda.level === 'unknown' ? levelFromText(lambda.body) : lambda.level };
  if (lambda.record) {
    recordFields(lambda.record, fields);
    read.record = lambda.record;
  }
  if (lambda.summary !== undefined) read.title = lambda.summary;
  return finish(read, fields);
}

/**
 * Several envelopes joined by newlines: the lines of one trace, each shipped as its own record,
 * put back together (split-trace joining, trace tails). The record is their lines, joined.
 */
function joinedEnvelopes(body: string): LogRecord | undefined {
  if (body.charCodeAt(0) !== 0x7b /* { */ || !body.includes('\n{')) return undefined;
  const fields: EventFields = {};
  const lines: string[] = [];
  for (const line of body.split('\n')) {
    const json = parseJsonObject(line);
    const shipped = json && unwrapShipper(json);
    if (!shipped) return undefined;
    if (lines.length === 0) Object.assign(fields, shipped.fields);
    lines.push(stripTokenPrefix(shipped.log));
  }
  const text = lines.join('\n');
  return fromText(text, fields);
}

function finish(read: LogRecord, fields: EventFields): LogRecord {
  for (const _ in fields) {
    read.fields = fields;
    break;
  }
  return read;
}

function withJsonAt(read: LogRecord, jsonAt: number): LogRecord {
  read.jsonAt = jsonAt;
  return read;
}

function levelOfJson(json: JsonObject): Level {
  const declared = levelFromJson(json);
  if (declared) return declared;
  const text = messageFromJson(json);
  const fromText = text === undefined ? 'unknown' : levelFromText(text);
  if (fromText !== 'unknown') return fromText;
  // A structured line with an exception but no level field is still an error report.
  return exceptionFromJson(json) ? 'error' : 'unknown';
}
