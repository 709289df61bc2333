import type { LogGroup } from '../store/log-store';
import type { LogStream } from '../store/log-stream';

export type Value = string | number;

/** One record flowing through a query: a stored event (plus computed fields) or a stats row. */
export interface Row {
  group: LogGroup | null;
  stream: LogStream | null;
  index: number;
  extra: Map<string, Value> | null;
  /** Fields discovered in a JSON message; undefined until first asked for, null if not JSON. */
  json: Record<string, Value> | null | undefined;
}

export interface FieldContext {
  accountId: string;
}

export function eventRow(group: LogGroup, stream: LogStream, index: number): Row {
  return { group, stream, index, extra: null, json: undefined };
}

export function setExtra(row: Row, name: string, value: Value | undefined): void {
  if (value === undefined) {
    row.extra?.delete(name);
    return;
  }
  row.extra ??= new Map();
  row.extra.set(name, value);
}

export function getField(row: Row, name: string, ctx: FieldContext): Value | undefined {
  const extra = row.extra?.get(name);
  if (extra !== undefined) return extra;
  const stream = row.stream;
  if (stream === null || row.group === null) return undefined;
  switch (name) {
    case '@timestamp':
      return stream.timestamps[row.index];
    case '@message':
      return stream.messages[row.index];
    case '@logStream':
      return stream.name;
    case '@log':
      return `${ctx.accountId}:${row.group.name}`;
    case '@ingestionTime':
      return stream.ingestion[row.index];
    case '@ptr':
      return encodePointer(row.group.id, stream.id, row.index);
    default:
      if (row.json === undefined) row.json = discoverJson(stream.messages[row.index]!);
      return row.json?.[name];
  }
}

/** Every field of an event, as GetLogRecord returns them. */
export function allFields(row: Row, ctx: FieldContext): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const name of ['@timestamp', '@message', '@logStream', '@log', '@ingestionTime']) {
    const v = getField(row, name, ctx);
    if (v !== undefined) out[name] = v;
  }
  if (row.json === undefined && row.stream !== null) row.json = discoverJson(row.stream.messages[row.index]!);
  return { ...out, ...(row.json ?? {}) };
}

/** Insights flattens JSON objects into dotted field names (arrays by index). */
export function discoverJson(message: string): Record<string, Value> | null {
  let i = 0;
  while (i < message.length && (message[i] === ' ' || message[i] === '\t')) i++;
  if (message[i] !== '{') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const out: Record<string, Value> = {};
  flatten(parsed, '', out);
  return out;
}

function flatten(v: unknown, prefix: string, out: Record<string, Value>): void {
  if (v === null || v === undefined) return;
  if (typeof v === 'object') {
    for (const [k, child] of Object.entries(v as Record<string, unknown>)) flatten(child, prefix === '' ? k : `${prefix}.${k}`, out);
    return;
  }
  out[prefix] = typeof v === 'number' ? v : String(v);
}

/** @ptr is opaque to clients; ours carries group, stream and event index. */
export function encodePointer(groupId: number, streamId: number, index: number): string {
  return Buffer.from(`emu1:${groupId}:${streamId}:${index}`).toString('base64url');
}

export function decodePointer(ptr: string): { groupId: number; streamId: number; index: number } | undefined {
  const m = /^emu1:(\d+):(\d+):(\d+)$/.exec(Buffer.from(ptr, 'base64url').toString('utf8'));
  if (m === null) return undefined;
  return { groupId: Number(m[1]), streamId: Number(m[2]), index: Number(m[3]) };
}

/** Insights renders times as `YYYY-MM-DD HH:MM:SS.mmm` in UTC. */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}
