import type { Command, ParsedQuery } from './ast';
import { compilePredicate } from './compile';
import { compareValues, evaluate } from './evaluate';
import { type FieldContext, type Row, formatTimestamp, getField, setExtra } from './record';
import { runStats } from './stats';
import type { LogGroup } from '../store/log-store';
import { EVENT_OVERHEAD_BYTES } from '../store/event-size';

export interface ResultField {
  field: string;
  value: string;
}

export interface ExecuteInput {
  query: ParsedQuery;
  groups: LogGroup[];
  /** Epoch seconds, both inclusive. */
  startTime: number;
  endTime: number;
  accountId: string;
  /** Cap on returned rows (StartQuery's `limit`). */
  limit: number;
}

export interface ExecuteOutput {
  rows: ResultField[][];
  recordsScanned: number;
  bytesScanned: number;
  recordsMatched: number;
}

const DEFAULT_FIELDS = ['@timestamp', '@message', '@logStream', '@log'];

export function executeQuery(input: ExecuteInput): ExecuteOutput {
  const ctx: FieldContext = { accountId: input.accountId };
  const commands = input.query.commands;
  let barrier = commands.findIndex((c) => c.kind === 'sort' || c.kind === 'limit' || c.kind === 'stats');
  if (barrier < 0) barrier = commands.length;
  const streaming = commands.slice(0, barrier);
  const steps = streaming.map((c) => rowStep(c, ctx)).filter((f): f is RowStep => f !== undefined);
  // Inclusive seconds: an event at 12:00:00.900 belongs to second 12:00:00.
  const fromMs = input.startTime * 1000;
  const toMsExclusive = (input.endTime + 1) * 1000;
  let recordsScanned = 0;
  let bytesScanned = 0;
  let rows: Row[] = [];
  const cursor: Row = { group: null, stream: null, index: 0, extra: null, json: undefined };
  for (const group of input.groups) {
    cursor.group = group;
    for (const stream of group.streams.values()) {
      const lo = stream.lowerBound(fromMs);
      const hi = stream.lowerBound(toMsExclusive);
      const order = stream.sortedOrder();
      const sizes = stream.sizes;
      cursor.stream = stream;
      recordsScanned += hi - lo;
      scan: for (let pos = lo; pos < hi; pos++) {
        const index = order === null ? pos : order[pos]!;
        bytesScanned += sizes[index]! + EVENT_OVERHEAD_BYTES;
        cursor.index = index;
        cursor.extra = null;
        cursor.json = undefined;
        for (let k = 0; k < steps.length; k++) if (!steps[k]!(cursor)) continue scan;
        rows.push({ group, stream, index, extra: cursor.extra, json: cursor.json });
      }
    }
  }
  let recordsMatched = rows.length;
  let limited = false;
  const isStats = commands.some((c) => c.kind === 'stats');
  if (!isStats && !commands.some((c) => c.kind === 'sort')) {
    // Without a sort, show newest first as the console does.
    rows = sortRows(rows, [{ field: '@timestamp', desc: true }], ctx);
  }
  for (const cmd of commands.slice(barrier)) {
    if (cmd.kind === 'sort') rows = sortRows(rows, cmd.keys, ctx);
    else if (cmd.kind === 'limit') {
      if (!limited) recordsMatched = rows.length;
      limited = true;
      rows = rows.slice(0, cmd.n);
    } else if (cmd.kind === 'stats') {
      if (!limited) recordsMatched = rows.length;
      limited = true;
      rows = runStats(cmd, rows, ctx);
    } else {
      const step = rowStep(cmd, ctx);
      if (step !== undefined) rows = rows.filter(step);
      if (!limited) recordsMatched = rows.length;
    }
  }
  const outputFields = outputFieldsOf(commands);
  const rendered = rows.slice(0, input.limit).map((row) => render(row, outputFields, !isStats, ctx));
  return { rows: rendered, recordsScanned, bytesScanned, recordsMatched };
}

type RowStep = (row: Row) => boolean;

/** One per-record command (filter, fields, parse) as a function; false drops the record. */
function rowStep(cmd: Command, ctx: FieldContext): RowStep | undefined {
  switch (cmd.kind) {
    case 'filter':
      return compilePredicate(cmd.expr, ctx);
    case 'fields': {
      const computed = cmd.items.filter((item) => !(item.expr.kind === 'field' && item.expr.name === item.name));
      if (computed.length === 0) return undefined;
      return (row) => {
        for (const item of computed) {
          const v = evaluate(item.expr, row, ctx);
          setExtra(row, item.name, typeof v === 'boolean' ? (v ? 1 : 0) : v);
        }
        return true;
      };
    }
    case 'parse':
      return (row) => {
        const source = getField(row, cmd.field, ctx);
        const m = source === undefined ? null : cmd.regex.exec(String(source));
        cmd.names.forEach((name, i) => setExtra(row, name, m === null ? undefined : (m.groups?.[name] ?? m[i + 1])));
        return true;
      };
    default:
      return undefined;
  }
}

function sortRows(rows: Row[], keys: { field: string; desc: boolean }[], ctx: FieldContext): Row[] {
  const decorated = rows.map((row, i) => ({ row, i, k: keys.map((k) => getField(row, k.field, ctx)) }));
  decorated.sort((a, b) => {
    for (let j = 0; j < keys.length; j++) {
      const c = compareValues(a.k[j], b.k[j]);
      if (c !== 0) return keys[j]!.desc ? -c : c;
    }
    return a.i - b.i;
  });
  return decorated.map((d) => d.row);
}

export function outputFieldsOf(commands: Command[]): string[] {
  let fields: string[] = [];
  let display: string[] | undefined;
  for (const cmd of commands) {
    if (cmd.kind === 'fields') fields.push(...cmd.items.map((i) => i.name));
    else if (cmd.kind === 'parse') fields.push(...cmd.names);
    else if (cmd.kind === 'display') display = cmd.fields;
    else if (cmd.kind === 'stats') {
      fields = [...cmd.by.map((b) => b.name), ...cmd.aggregates.map((a) => a.name)];
      display = undefined;
    }
  }
  const chosen = display ?? (fields.length > 0 ? fields : DEFAULT_FIELDS);
  return [...new Set(chosen)];
}

function render(row: Row, fields: string[], withPtr: boolean, ctx: FieldContext): ResultField[] {
  const out: ResultField[] = [];
  for (const field of fields) {
    const v = getField(row, field, ctx);
    if (v === undefined) continue;
    const isTime = (field === '@timestamp' || field === '@ingestionTime') && typeof v === 'number' && row.extra?.get(field) === undefined;
    out.push({ field, value: isTime ? formatTimestamp(v) : String(v) });
  }
  if (withPtr && row.stream !== null) out.push({ field: '@ptr', value: String(getField(row, '@ptr', ctx)) });
  return out;
}
