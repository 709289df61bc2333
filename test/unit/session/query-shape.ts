/**
 * An independent reader of the query's structure, for the property tests: it does not reuse the
 * builder's code, it lexes the text the way Logs Insights would split it.
 */

export interface QueryShape {
  commands: string[];
  conditions: Array<{ field: string; op: string; kind: 'string' | 'regex'; body: string }>;
  /** Counts of the characters that could change a query's meaning. */
  specials: Record<string, number>;
}

const SPECIALS = ['"', "'", '`', '/', '|', '#', '\n', '\r', '(', ')', '[', ']'];

/** Lexes `@message like "…"` / `@message like /…/` conditions joined by ` or `; throws if anything else appears. */
function lexConditions(text: string): QueryShape['conditions'] {
  const conditions: QueryShape['conditions'] = [];
  let rest = text;
  for (;;) {
    const head = /^(@\w+) (like) /.exec(rest);
    if (!head) throw new Error(`condition expected at: ${rest.slice(0, 40)}`);
    rest = rest.slice(head[0].length);
    const delimiter = rest[0];
    if (delimiter !== '"' && delimiter !== '/') throw new Error(`literal expected at: ${rest.slice(0, 40)}`);
    let i = 1;
    while (i < rest.length && rest[i] !== delimiter) i += rest[i] === '\\' ? 2 : 1;
    if (i >= rest.length) throw new Error('unterminated literal');
    conditions.push({ field: head[1] ?? '', op: head[2] ?? '', kind: delimiter === '"' ? 'string' : 'regex', body: rest.slice(1, i) });
    rest = rest.slice(i + 1);
    if (rest === '') return conditions;
    if (!rest.startsWith(' or ')) throw new Error(`" or " expected at: ${rest.slice(0, 40)}`);
    rest = rest.slice(4);
  }
}

export function readQueryShape(query: string): QueryShape {
  const lines = query.split('\n');
  const commands = lines.map((line, index) => {
    const match = (index === 0 ? /^(\w+) / : /^\| (\w+) /).exec(line);
    if (!match) throw new Error(`command expected on line ${index + 1}`);
    return match[1] ?? '';
  });
  const filter = lines.find((line) => line.startsWith('| filter '));
  const conditions = filter === undefined ? [] : lexConditions(filter.slice('| filter '.length));
  const specials: Record<string, number> = {};
  for (const c of SPECIALS) specials[c] = query.split(c).length - 1;
  return { commands, conditions, specials };
}

/**
 * Only these escapes appear in a well-formed query: `\.` (token prefix, dotted field names),
 * `\s` and `\\` (separators), `\{` (the nested object). Read as pairs, so `\\` is one escape.
 */
export function onlyKnownEscapes(query: string): boolean {
  for (let i = 0; i < query.length; i += 1) {
    if (query[i] !== '\\') continue;
    if (!['.', 's', '\\', '{'].includes(query[i + 1] ?? '')) return false;
    i += 1;
  }
  return true;
}
