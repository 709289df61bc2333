/**
 * Translates an RE2 pattern (the dialect Logs Insights regex literals use) into a JS `u`-mode
 * RegExp, refusing what RE2 refuses — lookaround, backreferences, possessive and atomic
 * forms, unknown escapes — so a query that AWS would reject is rejected here too.
 */

export class Re2Error extends Error {
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

const SYNTAX = new Set('^$\\.*+?()[]{}|/'.split(''));
const CLASS_SPECIAL = new Set(['\\', ']', '[', '^', '-']);
const SIMPLE_ESCAPES = new Set(['d', 'D', 'w', 'W', 'n', 't', 'r', 'f', 'v']);
/** RE2's \s is ASCII-only, [\t\n\f\r ]; JS's \s also takes \v, NBSP and other Unicode spaces. */
const RE2_SPACE = '\\t\\n\\f\\r ';

export interface TranslatedRegex {
  regex: RegExp;
  groupNames: string[];
}

export function translateRe2(source: string): TranslatedRegex {
  let flags = '';
  let i = 0;
  // Leading (?flags) applies to the whole pattern: map it to JS flags.
  const lead = /^\(\?([imsU]+)\)/.exec(source);
  if (lead !== null) {
    if (lead[1]!.includes('U')) throw new Re2Error('Ungreedy flag (?U) is not supported', 0);
    flags = [...new Set(lead[1]!.split(''))].join('');
    i = lead[0].length;
  }
  const out: string[] = [];
  const groupNames: string[] = [];
  /** Per open group: the modifier groups a mid-pattern (?i) opened inside it. */
  const openModifiers: string[][] = [[]];
  let inClass = false;
  let classStart = -1;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\') {
      const [text, len] = escape(source, i, inClass);
      out.push(text);
      i += len;
      continue;
    }
    if (inClass) {
      if (c === ']' && i > classStart) {
        inClass = false;
        out.push(']');
      } else if (c === '[' && source[i + 1] === ':') {
        const m = /^\[:(\^?)([a-z]+):\]/.exec(source.slice(i));
        const set = m === null ? undefined : POSIX[m[2]!];
        if (m === null || set === undefined || m[1] === '^') throw new Re2Error('Unsupported character class', i);
        out.push(set);
        i += m[0].length;
        continue;
      } else {
        out.push(CLASS_SPECIAL.has(c) && c !== '-' && c !== '^' ? `\\${c}` : c);
      }
      i++;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out.push('[');
      i++;
      if (source[i] === '^') {
        out.push('^');
        i++;
      }
      // RE2 (like POSIX) takes a ']' right after '[' or '[^' literally.
      if (source[i] === ']') {
        out.push('\\]');
        i++;
      }
      classStart = i;
      continue;
    }
    if (c === '(') {
      const [text, len, modifierOnly] = group(source, i, groupNames);
      if (modifierOnly) {
        openModifiers[openModifiers.length - 1]!.push(text);
      } else {
        openModifiers.push([]);
      }
      out.push(text);
      i += len;
      continue;
    }
    if (c === ')') {
      if (openModifiers.length === 1) throw new Re2Error('Unmatched )', i);
      out.push(')'.repeat(openModifiers.pop()!.length));
      out.push(')');
      i++;
      continue;
    }
    if (c === '|' && openModifiers[openModifiers.length - 1]!.length > 0) {
      // RE2 keeps a mid-group (?i) in force across '|' up to the group's end; JS modifier
      // groups cannot span an alternation, so close them and reopen after the bar.
      const mods = openModifiers[openModifiers.length - 1]!;
      out.push(')'.repeat(mods.length), '|', ...mods);
      i++;
      continue;
    }
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (m === null) {
        out.push('\\{');
        i++;
        continue;
      }
      if (Number(m[1]) > 1000 || (m[3] !== undefined && m[3] !== '' && Number(m[3]) > 1000))
        throw new Re2Error('Bad repetition operator: repeat count too large', i);
      out.push(m[0]);
      i += m[0].length;
      if (source[i] === '+') throw new Re2Error('Bad repetition operator (possessive quantifiers are not supported)', i);
      continue;
    }
    if (c === '}') {
      out.push('\\}');
      i++;
      continue;
    }
    if ((c === '*' || c === '+' || c === '?') && (source[i + 1] === '+' || (source[i + 1] === '*' && c !== '?'))) {
      throw new Re2Error('Bad repetition operator', i);
    }
    out.push(c);
    i++;
  }
  if (inClass) throw new Re2Error('Missing closing ]', source.length);
  if (openModifiers.length > 1) throw new Re2Error('Missing closing )', source.length);
  out.push(')'.repeat(openModifiers[0]!.length));
  try {
    return { regex: new RegExp(out.join(''), `${flags}u`), groupNames };
  } catch (e) {
    throw new Re2Error(`Invalid regular expression: ${(e as Error).message}`, 0);
  }
}

function escape(src: string, i: number, inClass: boolean): [string, number] {
  const e = src[i + 1];
  if (e === undefined) throw new Re2Error('Trailing backslash', i);
  if (/[1-9]/.test(e)) throw new Re2Error('Backreferences are not supported (RE2)', i);
  if (SIMPLE_ESCAPES.has(e)) return [`\\${e}`, 2];
  if (e === 's') return [inClass ? RE2_SPACE : `[${RE2_SPACE}]`, 2];
  if (e === 'S') {
    // Valid RE2, but a negated set has no JS u-mode spelling inside a class: refused, not guessed.
    if (inClass) throw new Re2Error('\\S inside a character class is not supported by this emulator', i);
    return [`[^${RE2_SPACE}]`, 2];
  }
  if ((e === 'b' || e === 'B') && !inClass) return [`\\${e}`, 2];
  if (e === 'a') return ['\\x07', 2];
  if (e === '0') return ['\\x00', 2];
  if (e === 'x') {
    const braced = /^\\x\{([0-9A-Fa-f]{1,6})\}/.exec(src.slice(i));
    if (braced !== null) return [`\\u{${braced[1]}}`, braced[0].length];
    const two = /^\\x[0-9A-Fa-f]{2}/.exec(src.slice(i));
    if (two !== null) return [two[0], 4];
    throw new Re2Error('Invalid escape sequence \\x', i);
  }
  if (e === 'p' || e === 'P') {
    const m = /^\\[pP](\{\^?[A-Za-z_]+\}|[A-Za-z])/.exec(src.slice(i));
    if (m === null) throw new Re2Error('Invalid character class range', i);
    let name = m[1]!.replace(/[{}]/g, '');
    let negate = e === 'P';
    if (name.startsWith('^')) {
      negate = !negate;
      name = name.slice(1);
    }
    const form = /^(?:L|Lu|Ll|Lt|Lm|Lo|M|Mn|Mc|Me|N|Nd|Nl|No|P|Pc|Pd|Ps|Pe|Pi|Pf|Po|S|Sm|Sc|Sk|So|Z|Zs|Zl|Zp|C|Cc|Cf|Co|Cs)$/.test(name)
      ? name
      : `Script=${name}`;
    return [`\\${negate ? 'P' : 'p'}{${form}}`, m[0].length];
  }
  if (!inClass && e === 'A') return ['(?<![\\s\\S])', 2];
  if (!inClass && e === 'z') return ['(?![\\s\\S])', 2];
  if (!inClass && e === 'C') return ['[\\s\\S]', 2];
  if (e === 'Q') {
    const end = src.indexOf('\\E', i + 2);
    const literal = src.slice(i + 2, end < 0 ? src.length : end);
    const quoted = literal.replace(/[\\^$.*+?()[\]{}|/-]/g, (ch) => `\\${ch}`);
    return [quoted, (end < 0 ? src.length : end + 2) - i];
  }
  if (/[A-Za-z0-9]/.test(e)) throw new Re2Error(`Invalid escape sequence \\${e}`, i);
  // RE2 lets any punctuation be escaped; JS u-mode only its syntax characters.
  if (inClass) return [CLASS_SPECIAL.has(e) || e === '/' ? `\\${e}` : e, 2];
  return [SYNTAX.has(e) ? `\\${e}` : e, 2];
}

/** Returns the JS text for a group opener, its source length, and whether it is a bare (?flags). */
function group(src: string, i: number, names: string[]): [string, number, boolean] {
  if (src[i + 1] !== '?') return ['(', 1, false];
  const rest = src.slice(i);
  if (/^\(\?(=|!|<=|<!)/.test(rest)) throw new Re2Error('Lookahead and lookbehind assertions are not supported (RE2)', i);
  const named = /^\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
  if (named !== null) {
    if (names.includes(named[1]!)) throw new Re2Error(`Duplicate capture group name ${named[1]}`, i);
    names.push(named[1]!);
    return [`(?<${named[1]}>`, named[0].length, false];
  }
  if (rest.startsWith('(?P=')) throw new Re2Error('Backreferences are not supported (RE2)', i);
  if (rest.startsWith('(?:')) return ['(?:', 3, false];
  const flagGroup = /^\(\?([imsU]*)(?:-([imsU]+))?([:)])/.exec(rest);
  if (flagGroup === null) throw new Re2Error('Invalid or unsupported group syntax', i);
  const [all, on = '', off = '', kind] = flagGroup;
  if ((on + off).includes('U')) throw new Re2Error('Ungreedy flag (?U) is not supported', i);
  if (on === '' && off === '') throw new Re2Error('Missing flags in group', i);
  const modifier = `(?${on}${off === '' ? '' : `-${off}`}:`;
  return [modifier, all.length, kind === ')'];
}
