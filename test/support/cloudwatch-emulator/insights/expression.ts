import type { Expr } from './ast';
import { QueryCompileError } from './compile-error';
import { Re2Error, translateRe2 } from './re2';
import type { Scanner, Token } from './scanner';

const COMPARE = new Set(['=', '!=', '<', '>', '<=', '>=']);
const FUNCTIONS = new Set(['ispresent', 'isempty']);

export function isKeyword(t: Token, word: string): boolean {
  return t.kind === 'ident' && t.text.toLowerCase() === word;
}

export function unexpected(t: Token, expected: string): QueryCompileError {
  const found = t.kind === 'eof' ? 'end of query' : `'${t.text}'`;
  return new QueryCompileError(`Expected ${expected} but found ${found}`, t.start, t.end);
}

/** Field name token: bare identifier (incl. @fields and dotted JSON paths) or `backquoted`. */
export function fieldName(t: Token): string | undefined {
  if (t.kind === 'field') return t.text;
  if (t.kind === 'ident' && !['and', 'or', 'not', 'like', 'in', 'as', 'by', 'asc', 'desc'].includes(t.text.toLowerCase())) return t.text;
  return undefined;
}

export function regexLiteral(scanner: Scanner, slash: Token): { regex: RegExp; names: string[] } {
  const t = scanner.regexFrom(slash);
  try {
    const { regex, groupNames } = translateRe2(t.text);
    return { regex, names: groupNames };
  } catch (e) {
    if (e instanceof Re2Error) throw new QueryCompileError(e.message, t.start + 1 + e.offset, t.end);
    throw e;
  }
}

/** Recursive-descent parser for filter expressions: or > and > not > comparison > primary. */
export function parseExpr(s: Scanner): Expr {
  let left = parseAnd(s);
  while (isKeyword(s.peek(), 'or')) {
    s.next();
    left = { kind: 'or', left, right: parseAnd(s) };
  }
  return left;
}

function parseAnd(s: Scanner): Expr {
  let left = parseNot(s);
  while (isKeyword(s.peek(), 'and')) {
    s.next();
    left = { kind: 'and', left, right: parseNot(s) };
  }
  return left;
}

function parseNot(s: Scanner): Expr {
  if (isKeyword(s.peek(), 'not')) {
    s.next();
    return { kind: 'not', expr: parseNot(s) };
  }
  return parseComparison(s);
}

function parseComparison(s: Scanner): Expr {
  const left = parsePrimary(s);
  const t = s.peek();
  if (t.kind === 'punct' && COMPARE.has(t.text)) {
    s.next();
    const right = parsePrimary(s);
    return { kind: 'compare', op: t.text as '=', left, right };
  }
  if (t.kind === 'punct' && t.text === '=~') {
    s.next();
    const slash = s.next();
    if (!(slash.kind === 'punct' && slash.text === '/')) throw unexpected(slash, 'a regular expression after =~');
    return { kind: 'like', left, pattern: regexLiteral(s, slash).regex };
  }
  let negated = false;
  if (isKeyword(t, 'not')) {
    s.next();
    negated = true;
    const after = s.peek();
    if (!isKeyword(after, 'like') && !isKeyword(after, 'in')) throw unexpected(after, "'like' or 'in' after 'not'");
  }
  const op = s.peek();
  if (isKeyword(op, 'like')) {
    s.next();
    const p = s.next();
    let pattern: string | RegExp;
    if (p.kind === 'string') pattern = p.text;
    else if (p.kind === 'punct' && p.text === '/') pattern = regexLiteral(s, p).regex;
    else throw unexpected(p, 'a string or /regex/ after like');
    const e: Expr = { kind: 'like', left, pattern };
    return negated ? { kind: 'not', expr: e } : e;
  }
  if (isKeyword(op, 'in')) {
    s.next();
    const open = s.next();
    if (!(open.kind === 'punct' && open.text === '[')) throw unexpected(open, "'[' after in");
    const values: Expr[] = [parsePrimary(s)];
    while (s.peek().kind === 'punct' && s.peek().text === ',') {
      s.next();
      values.push(parsePrimary(s));
    }
    const close = s.next();
    if (!(close.kind === 'punct' && close.text === ']')) throw unexpected(close, "']'");
    const e: Expr = { kind: 'in', left, values };
    return negated ? { kind: 'not', expr: e } : e;
  }
  if (op.kind === 'punct' && ['+', '-', '*', '/', '%'].includes(op.text)) {
    throw new QueryCompileError(`Arithmetic operator '${op.text}' is not supported by the emulator`, op.start, op.end);
  }
  return left;
}

export function parsePrimary(s: Scanner): Expr {
  const t = s.next();
  if (t.kind === 'punct' && t.text === '(') {
    const e = parseExpr(s);
    const close = s.next();
    if (!(close.kind === 'punct' && close.text === ')')) throw unexpected(close, "')'");
    return e;
  }
  if (t.kind === 'string') return { kind: 'string', value: t.text };
  if (t.kind === 'number') {
    if (t.unit !== undefined) throw new QueryCompileError(`Unexpected duration '${t.text}${t.unit}'`, t.start, t.end);
    return { kind: 'number', value: Number(t.text) };
  }
  if (t.kind === 'punct' && t.text === '-' && s.peek().kind === 'number') {
    const n = s.next();
    return { kind: 'number', value: -Number(n.text) };
  }
  const name = fieldName(t);
  if (name !== undefined) {
    const after = s.peek();
    if (t.kind === 'ident' && after.kind === 'punct' && after.text === '(') {
      const fn = name.toLowerCase();
      if (!FUNCTIONS.has(fn)) throw new QueryCompileError(`Function '${name}' is not supported by the emulator`, t.start, t.end);
      s.next();
      const args: Expr[] = [parseExpr(s)];
      const close = s.next();
      if (!(close.kind === 'punct' && close.text === ')')) throw unexpected(close, "')'");
      if (args[0]!.kind !== 'field') throw new QueryCompileError(`${fn}() takes a field name`, t.start, close.end);
      return { kind: 'call', name: fn as 'ispresent', args };
    }
    return { kind: 'field', name };
  }
  throw unexpected(t, 'a field, string or number');
}
