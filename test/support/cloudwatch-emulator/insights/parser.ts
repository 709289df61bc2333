import type { Aggregate, AggregateFn, Command, FieldItem, GroupKey, ParsedQuery, SortKey } from './ast';
import { QueryCompileError } from './compile-error';
import { fieldName, isKeyword, parseExpr, regexLiteral, unexpected } from './expression';
import { Scanner, type Token } from './scanner';

const UNSUPPORTED = new Set([
  'dedup',
  'unmask',
  'pattern',
  'diff',
  'anomaly',
  'unnest',
  'lookup',
  'join',
  'filterindex',
  'source',
  'addtotals',
]);
const AGGREGATES = new Set<AggregateFn>(['count', 'count_distinct', 'sum', 'avg', 'min', 'max']);
const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Parses a query of the supported subset; anything else is a QueryCompileError with its span. */
export function parseQuery(query: string): ParsedQuery {
  const s = new Scanner(query);
  const commands: Command[] = [];
  for (;;) {
    const t = s.next();
    if (t.kind === 'eof') {
      if (commands.length === 0) throw new QueryCompileError('Query is empty', 0, Math.max(1, query.length));
      throw unexpected(t, 'a command after |');
    }
    commands.push(parseCommand(s, t));
    const sep = s.next();
    if (sep.kind === 'eof') break;
    if (!(sep.kind === 'punct' && sep.text === '|')) throw unexpected(sep, "'|' or end of query");
  }
  return { commands };
}

function parseCommand(s: Scanner, t: Token): Command {
  const word = t.kind === 'ident' ? t.text.toLowerCase() : '';
  switch (word) {
    case 'fields':
      return { kind: 'fields', items: list(s, () => fieldItem(s)) };
    case 'display':
      return { kind: 'display', fields: list(s, () => field(s)) };
    case 'filter':
      return { kind: 'filter', expr: parseExpr(s) };
    case 'sort':
      return { kind: 'sort', keys: list(s, () => sortKey(s)) };
    case 'limit': {
      // The query syntax reference: "You can specify a limit value of up to 100,000".
      const n = s.next();
      const value = Number(n.text);
      if (n.kind !== 'number' || n.unit !== undefined || !Number.isInteger(value) || value < 1 || value > 100_000) {
        throw new QueryCompileError('limit takes an integer between 1 and 100000', n.start, n.end);
      }
      return { kind: 'limit', n: value };
    }
    case 'parse':
      return parseCommandParse(s);
    case 'stats':
      return parseStats(s);
    default:
      if (UNSUPPORTED.has(word)) throw new QueryCompileError(`Command '${t.text}' is not supported by the emulator`, t.start, t.end);
      throw new QueryCompileError(`Unknown command '${t.text}'`, t.start, t.end);
  }
}

function list<T>(s: Scanner, item: () => T): T[] {
  const items = [item()];
  while (s.peek().kind === 'punct' && s.peek().text === ',') {
    s.next();
    items.push(item());
  }
  return items;
}

function field(s: Scanner): string {
  const t = s.next();
  const name = fieldName(t);
  if (name === undefined) throw unexpected(t, 'a field name');
  if (s.peek().kind === 'punct' && s.peek().text === '(')
    throw new QueryCompileError(`Functions are not supported here by the emulator`, t.start, s.peek().end);
  return name;
}

function fieldItem(s: Scanner): FieldItem {
  const first = s.peek();
  const expr = parseExpr(s);
  let name = expr.kind === 'field' ? expr.name : undefined;
  if (isKeyword(s.peek(), 'as')) {
    s.next();
    name = field(s);
  }
  if (name === undefined) throw new QueryCompileError('An expression in fields needs an alias (as name)', first.start, s.peek().start);
  return { expr, name };
}

function sortKey(s: Scanner): SortKey {
  const name = field(s);
  let desc = false;
  if (isKeyword(s.peek(), 'desc')) {
    s.next();
    desc = true;
  } else if (isKeyword(s.peek(), 'asc')) {
    s.next();
  }
  return { field: name, desc };
}

function parseCommandParse(s: Scanner): Command {
  let source = '@message';
  let t = s.next();
  const explicit = fieldName(t);
  if (explicit !== undefined) {
    source = explicit;
    t = s.next();
  }
  if (t.kind === 'punct' && t.text === '/') {
    const { regex, names } = regexLiteral(s, t);
    if (names.length === 0) throw new QueryCompileError('parse with a regular expression needs named capture groups', t.start, t.end);
    return { kind: 'parse', field: source, regex, names };
  }
  if (t.kind !== 'string') throw unexpected(t, 'a glob string or /regex/');
  const pieces = t.text.split('*');
  if (pieces.length < 2) throw new QueryCompileError('parse glob needs at least one *', t.start, t.end);
  const as = s.next();
  if (!isKeyword(as, 'as')) throw unexpected(as, "'as'");
  const names = list(s, () => field(s));
  if (names.length !== pieces.length - 1)
    throw new QueryCompileError(`parse glob has ${pieces.length - 1} wildcards but ${names.length} names`, as.start, s.peek().start);
  const escaped = pieces.map((p) => p.replace(/[\\^$.*+?()[\]{}|/]/g, (c) => `\\${c}`));
  // Each '*' captures lazily up to the next literal; a trailing '*' takes the rest of the line.
  let src = escaped[0]!;
  for (let i = 1; i < escaped.length; i++) src += (i === escaped.length - 1 && escaped[i] === '' ? '(.*)' : '(.*?)') + escaped[i];
  return { kind: 'parse', field: source, regex: new RegExp(src, 's'), names };
}

function parseStats(s: Scanner): Command {
  const aggregates = list(s, () => aggregate(s));
  const by: GroupKey[] = [];
  if (isKeyword(s.peek(), 'by')) {
    s.next();
    by.push(...list(s, () => groupKey(s)));
  }
  return { kind: 'stats', aggregates, by };
}

function aggregate(s: Scanner): Aggregate {
  const t = s.next();
  const fn = t.text.toLowerCase() as AggregateFn;
  if (t.kind !== 'ident' || !AGGREGATES.has(fn))
    throw new QueryCompileError(`Aggregate function '${t.text}' is not supported by the emulator`, t.start, t.end);
  const open = s.next();
  if (!(open.kind === 'punct' && open.text === '(')) throw unexpected(open, "'('");
  let arg: string | undefined;
  const a = s.peek();
  if (a.kind === 'punct' && a.text === '*') {
    if (fn !== 'count') throw new QueryCompileError(`${fn}(*) is not valid`, a.start, a.end);
    s.next();
  } else {
    arg = field(s);
  }
  const close = s.next();
  if (!(close.kind === 'punct' && close.text === ')')) throw unexpected(close, "')'");
  let name = s.src.slice(t.start, close.end);
  if (isKeyword(s.peek(), 'as')) {
    s.next();
    name = field(s);
  }
  return { fn, field: arg, name };
}

function groupKey(s: Scanner): GroupKey {
  const t = s.peek();
  if (isKeyword(t, 'bin')) {
    s.next();
    const open = s.next();
    if (!(open.kind === 'punct' && open.text === '(')) throw unexpected(open, "'('");
    const d = s.next();
    const unit = UNITS[d.unit ?? ''];
    if (d.kind !== 'number' || unit === undefined || Number(d.text) <= 0)
      throw new QueryCompileError('bin() takes a period such as 5m (ms, s, m, h, d, w)', d.start, d.end);
    const close = s.next();
    if (!(close.kind === 'punct' && close.text === ')')) throw unexpected(close, "')'");
    let name = s.src.slice(t.start, close.end);
    if (isKeyword(s.peek(), 'as')) {
      s.next();
      name = field(s);
    }
    return { binMs: Number(d.text) * unit, field: '@timestamp', name };
  }
  const name = field(s);
  let alias = name;
  if (isKeyword(s.peek(), 'as')) {
    s.next();
    alias = field(s);
  }
  return { field: name, name: alias };
}
