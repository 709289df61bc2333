import { QueryCompileError } from './compile-error';

export type TokenKind = 'ident' | 'field' | 'string' | 'number' | 'regex' | 'punct' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Identifier/field name, string contents, punctuation, number text or regex source. */
  text: string;
  start: number;
  end: number;
  /** Unit letters right after a number, e.g. `5m` in bin(5m). */
  unit?: string;
}

const PUNCT = ['!=', '<=', '>=', '=~', '|', ',', '(', ')', '[', ']', '=', '<', '>', '+', '-', '*', '/', '%'];

/** Lexer of the Logs Insights language. Regex literals are read on the parser's request. */
export class Scanner {
  readonly src: string;
  private pos = 0;
  private peeked: Token | undefined;

  constructor(src: string) {
    this.src = src;
  }

  peek(): Token {
    this.peeked ??= this.scan();
    return this.peeked;
  }

  next(): Token {
    const t = this.peek();
    this.peeked = undefined;
    return t;
  }

  /** Re-reads a `/` token as a regex literal `/…/` (escape `\/` for a slash inside). */
  regexFrom(slash: Token): Token {
    let i = slash.start + 1;
    let source = '';
    while (i < this.src.length && this.src[i] !== '/') {
      if (this.src[i] === '\\' && this.src[i + 1] === '/') {
        source += '/';
        i += 2;
        continue;
      }
      if (this.src[i] === '\\' && i + 1 < this.src.length) {
        source += this.src.slice(i, i + 2);
        i += 2;
        continue;
      }
      source += this.src[i];
      i++;
    }
    if (i >= this.src.length) throw new QueryCompileError('Unterminated regular expression', slash.start, this.src.length);
    this.pos = i + 1;
    this.peeked = undefined;
    return { kind: 'regex', text: source, start: slash.start, end: i + 1 };
  }

  private scan(): Token {
    this.skipSpaceAndComments();
    const s = this.src;
    const start = this.pos;
    if (start >= s.length) return { kind: 'eof', text: '', start, end: start };
    const c = s[start]!;
    if (c === '"' || c === "'") return this.scanString(c);
    if (c === '`') {
      const close = s.indexOf('`', start + 1);
      if (close < 0) throw new QueryCompileError('Unterminated backquoted field name', start, s.length);
      this.pos = close + 1;
      return { kind: 'field', text: s.slice(start + 1, close), start, end: this.pos };
    }
    if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(?:\.[0-9]+)?/.exec(s.slice(start))!;
      this.pos = start + m[0].length;
      const unit = /^[a-zA-Z]+/.exec(s.slice(this.pos))?.[0];
      if (unit !== undefined) this.pos += unit.length;
      return { kind: 'number', text: m[0], start, end: this.pos, ...(unit === undefined ? {} : { unit }) };
    }
    if (/[A-Za-z_@$]/.test(c)) {
      const m = /^[A-Za-z0-9_@$.]+/.exec(s.slice(start))!;
      this.pos = start + m[0].length;
      return { kind: 'ident', text: m[0], start, end: this.pos };
    }
    for (const p of PUNCT) {
      if (s.startsWith(p, start)) {
        this.pos = start + p.length;
        return { kind: 'punct', text: p, start, end: this.pos };
      }
    }
    throw new QueryCompileError(`Unexpected character '${c}'`, start, start + 1);
  }

  private scanString(quote: string): Token {
    const s = this.src;
    const start = this.pos;
    let i = start + 1;
    let text = '';
    while (i < s.length && s[i] !== quote) {
      if (s[i] === '\\' && i + 1 < s.length) {
        const e = s[i + 1]!;
        text += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
        i += 2;
        continue;
      }
      text += s[i];
      i++;
    }
    if (i >= s.length) throw new QueryCompileError('Unterminated string literal', start, s.length);
    this.pos = i + 1;
    return { kind: 'string', text, start, end: this.pos };
  }

  private skipSpaceAndComments(): void {
    const s = this.src;
    for (;;) {
      while (this.pos < s.length && /\s/.test(s[this.pos]!)) this.pos++;
      if (s[this.pos] !== '#') return;
      while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
    }
  }
}
