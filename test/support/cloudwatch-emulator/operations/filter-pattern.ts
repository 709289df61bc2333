import { invalidParameter } from '../server/aws-error';
import { compileRegexPattern, isRegexPattern } from './regex-filter';

export type MessagePredicate = (message: string) => boolean;

interface Term {
  text: string;
  kind: 'all' | 'any' | 'none';
}

/**
 * The term-based subset of CloudWatch filter patterns: plain terms (all must occur),
 * "quoted phrases", `?term` (at least one of them) and `-term` (must not occur). Matching is
 * case-sensitive substring matching, as the service does. A whole pattern `%regex%` is matched
 * in the service's restricted regex dialect (regex-filter.ts). JSON (`{…}`), space-delimited
 * (`[…]`) patterns and regexes mixed with terms are refused rather than silently misread.
 */
export function compileFilterPattern(pattern: string | undefined): MessagePredicate {
  if (pattern === undefined || pattern.trim() === '') return () => true;
  const trimmed = pattern.trim();
  if (isRegexPattern(trimmed) && !trimmed.slice(1, -1).includes('%')) return compileRegexPattern(trimmed);
  if (trimmed.startsWith('{') || trimmed.startsWith('[') || trimmed.startsWith('%')) {
    throw invalidParameter(
      'Invalid filter pattern: JSON and space-delimited filter patterns, and regexes mixed with terms, are not supported by the emulator',
    );
  }
  const terms = tokenize(trimmed);
  const all = terms.filter((t) => t.kind === 'all').map((t) => t.text);
  const any = terms.filter((t) => t.kind === 'any').map((t) => t.text);
  const none = terms.filter((t) => t.kind === 'none').map((t) => t.text);
  return (m) => all.every((t) => m.includes(t)) && !none.some((t) => m.includes(t)) && (any.length === 0 || any.some((t) => m.includes(t)));
}

function tokenize(pattern: string): Term[] {
  const terms: Term[] = [];
  let i = 0;
  while (i < pattern.length) {
    while (pattern[i] === ' ' || pattern[i] === '\t') i++;
    if (i >= pattern.length) break;
    let kind: Term['kind'] = 'all';
    if (pattern[i] === '?' || pattern[i] === '-') {
      kind = pattern[i] === '?' ? 'any' : 'none';
      i++;
    }
    if (pattern[i] === '"') {
      let text = '';
      i++;
      while (i < pattern.length && pattern[i] !== '"') {
        if (pattern[i] === '\\' && i + 1 < pattern.length) i++;
        text += pattern[i++];
      }
      if (i >= pattern.length) throw invalidParameter(`Invalid filter pattern: unterminated quoted term in '${pattern}'`);
      i++;
      terms.push({ text, kind });
      continue;
    }
    const start = i;
    while (i < pattern.length && pattern[i] !== ' ' && pattern[i] !== '\t') i++;
    const text = pattern.slice(start, i);
    if (!/^[A-Za-z0-9_]+$/.test(text)) throw invalidParameter(`Invalid character(s) in term '${text}'`);
    terms.push({ text, kind });
  }
  return terms;
}
