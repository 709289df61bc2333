import type { Level } from '../../../shared/domain/correlation';
import type { EventFields } from '../../../shared/domain/log-parts';
import { exceptionFromJson } from './error-objects';
import { levelFromJson, messageFromJson, parseJsonObject, type JsonObject } from './json-record';
import { levelFromText } from './levels';
import { stripTokenPrefix } from './session-tags';

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
}

/** Reads one logged line (an event's message) down to its innermost record. */
export function readRecord(message: string): LogRecord {
  const body = stripTokenPrefix(message);
  const record = parseJsonObject(body);
  if (record) return { body, record, jsonAt: message.length - body.length, level: levelOfJson(record) };
  return { body, level: levelFromText(body) };
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
