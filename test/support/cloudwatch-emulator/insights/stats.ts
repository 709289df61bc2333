import type { Command } from './ast';
import { compareValues } from './evaluate';
import { type FieldContext, type Row, type Value, formatTimestamp, getField } from './record';

type StatsCommand = Extract<Command, { kind: 'stats' }>;

interface Acc {
  count: number;
  sum: number;
  n: number;
  min: Value | undefined;
  max: Value | undefined;
  distinct: Set<string> | undefined;
}

/** Groups rows by the `by` keys and computes the aggregates; output rows are ordered by key. */
export function runStats(cmd: StatsCommand, rows: Row[], ctx: FieldContext): Row[] {
  const groups = new Map<string, { keys: (Value | undefined)[]; accs: Acc[] }>();
  for (const row of rows) {
    const keys = cmd.by.map((k) => {
      const v = getField(row, k.field, ctx);
      if (k.binMs === undefined || v === undefined) return v;
      return Math.floor(Number(v) / k.binMs) * k.binMs;
    });
    const id = keys.map((k) => (k === undefined ? '\u0000' : String(k))).join('\u0001');
    let g = groups.get(id);
    if (g === undefined) {
      g = { keys, accs: cmd.aggregates.map(() => ({ count: 0, sum: 0, n: 0, min: undefined, max: undefined, distinct: undefined })) };
      groups.set(id, g);
    }
    cmd.aggregates.forEach((a, i) => {
      const acc = g.accs[i]!;
      if (a.field === undefined) {
        acc.count++;
        return;
      }
      const v = getField(row, a.field, ctx);
      if (v === undefined) return;
      acc.count++;
      if (a.fn === 'count_distinct') (acc.distinct ??= new Set()).add(String(v));
      const num = typeof v === 'number' ? v : Number(v);
      if (!Number.isNaN(num)) {
        acc.sum += num;
        acc.n++;
      }
      if (acc.min === undefined || compareValues(v, acc.min) < 0) acc.min = v;
      if (acc.max === undefined || compareValues(v, acc.max) > 0) acc.max = v;
    });
  }
  const ordered = [...groups.values()].sort((x, y) => {
    for (let i = 0; i < x.keys.length; i++) {
      const c = compareValues(x.keys[i], y.keys[i]);
      if (c !== 0) return c;
    }
    return 0;
  });
  return ordered.map((g) => {
    const extra = new Map<string, Value>();
    cmd.by.forEach((k, i) => {
      const v = g.keys[i];
      if (v !== undefined) extra.set(k.name, k.binMs === undefined ? v : formatTimestamp(Number(v)));
    });
    cmd.aggregates.forEach((a, i) => {
      const acc = g.accs[i]!;
      const value = aggregateValue(a.fn, acc);
      if (value !== undefined) extra.set(a.name, value);
    });
    return { group: null, stream: null, index: -1, extra, json: null };
  });
}

function aggregateValue(fn: string, acc: Acc): Value | undefined {
  switch (fn) {
    case 'count':
      return acc.count;
    case 'count_distinct':
      return acc.distinct?.size ?? 0;
    case 'sum':
      return acc.n === 0 ? undefined : acc.sum;
    case 'avg':
      return acc.n === 0 ? undefined : acc.sum / acc.n;
    case 'min':
      return acc.min;
    default:
      return acc.max;
  }
}
