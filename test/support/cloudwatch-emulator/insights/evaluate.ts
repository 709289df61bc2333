import type { Expr } from './ast';
import { type FieldContext, type Row, type Value, getField } from './record';

type Result = Value | boolean | undefined;

export function matches(expr: Expr, row: Row, ctx: FieldContext): boolean {
  const v = evaluate(expr, row, ctx);
  return v === true || (typeof v === 'number' && v !== 0) || (typeof v === 'string' && v !== '' && v !== 'false');
}

export function evaluate(expr: Expr, row: Row, ctx: FieldContext): Result {
  switch (expr.kind) {
    case 'field':
      return getField(row, expr.name, ctx);
    case 'string':
      return expr.value;
    case 'number':
      return expr.value;
    case 'not':
      return !matches(expr.expr, row, ctx);
    case 'and':
      return matches(expr.left, row, ctx) && matches(expr.right, row, ctx);
    case 'or':
      return matches(expr.left, row, ctx) || matches(expr.right, row, ctx);
    case 'like': {
      const v = evaluate(expr.left, row, ctx);
      if (v === undefined || typeof v === 'boolean') return false;
      const text = typeof v === 'string' ? v : String(v);
      if (typeof expr.pattern === 'string') return text.includes(expr.pattern);
      return expr.pattern.test(text);
    }
    case 'compare':
      return compare(expr.op, evaluate(expr.left, row, ctx), evaluate(expr.right, row, ctx));
    case 'in': {
      const v = evaluate(expr.left, row, ctx);
      return expr.values.some((x) => compare('=', v, evaluate(x, row, ctx)));
    }
    case 'call': {
      const arg = expr.args[0]!;
      const v = arg.kind === 'field' ? getField(row, arg.name, ctx) : undefined;
      return expr.name === 'ispresent' ? v !== undefined : v === undefined || v === '';
    }
  }
}

function compare(op: string, a: Result, b: Result): boolean {
  if (a === undefined || b === undefined || typeof a === 'boolean' || typeof b === 'boolean') return false;
  let c: number;
  if (typeof a === 'number' || typeof b === 'number') {
    const x = Number(a);
    const y = Number(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return op === '!=';
    c = x - y;
  } else {
    c = a < b ? -1 : a > b ? 1 : 0;
  }
  switch (op) {
    case '=':
      return c === 0;
    case '!=':
      return c !== 0;
    case '<':
      return c < 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    default:
      return c >= 0;
  }
}

/** Orders values as Insights sorts: numbers numerically, otherwise by string; missing last. */
export function compareValues(a: Value | undefined, b: Value | undefined): number {
  if (a === undefined) return b === undefined ? 0 : 1;
  if (b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
