import type { Level } from '../../../../shared/domain/correlation';
import { levelFromName, levelFromOtelNumber, levelFromPinoNumber, levelFromPythonNumber, levelFromSyslogNumber } from './levels';

import type { JsonObject } from '../../../../shared/format/json-object';

export { parseJsonObject, type JsonObject } from '../../../../shared/format/json-object';

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A field by name, case-insensitively (`level`, `Level`, `LEVEL`), or a dotted ECS path (`log.level`). */
export function field(json: JsonObject, name: string): unknown {
  if (name in json) return json[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(json)) if (key.toLowerCase() === lower) return json[key];
  const dot = name.indexOf('.');
  if (dot > 0) {
    const parent = field(json, name.slice(0, dot));
    if (parent !== null && typeof parent === 'object' && !Array.isArray(parent)) {
      return field(parent as JsonObject, name.slice(dot + 1));
    }
  }
  return undefined;
}

type NumberScale = (n: number) => Level | undefined;

// Which field names carry a level, and how a number in each is read. Order matters: the first
// field present decides, so pino's numeric `level` is never read on Python's `levelno` scale.
const LEVEL_FIELDS: [string, NumberScale][] = [
  ['level', levelFromPinoNumber],
  ['levelname', levelFromPythonNumber],
  ['severity', levelFromSyslogNumber],
  ['log.level', levelFromPinoNumber],
  ['loglevel', levelFromPinoNumber],
  ['lvl', levelFromPinoNumber],
  ['@l', levelFromPinoNumber],
  ['severity_text', levelFromPinoNumber],
  ['levelno', levelFromPythonNumber],
  ['severity_number', levelFromOtelNumber],
  ['severityNumber', levelFromOtelNumber],
];

/** The level a structured log line declares, or undefined when it declares none. */
export function levelFromJson(json: JsonObject): Level | undefined {
  for (const [name, scale] of LEVEL_FIELDS) {
    const value = field(json, name);
    if (typeof value === 'number') return scale(value);
    if (typeof value === 'string') {
      const named = levelFromName(value);
      if (named) return named;
      if (/^\d+$/.test(value.trim())) return scale(Number(value));
    }
  }
  return undefined;
}

const MESSAGE_FIELDS = ['msg', 'message', 'event', '@m', '@mt', 'errorMessage'];

/** The human message of a structured line (pino `msg`, Python `message`, structlog `event`, CLEF `@m`). */
export function messageFromJson(json: JsonObject): string | undefined {
  for (const name of MESSAGE_FIELDS) {
    const value = field(json, name);
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}
