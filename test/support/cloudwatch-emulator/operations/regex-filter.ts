import { invalidParameter } from '../server/aws-error';

/**
 * The `%…%` regex dialect of CloudWatch filter patterns (the filter-pattern syntax page,
 * "Supported regular expressions (regex) syntax"): only letters, digits, the symbols
 * `: _ # = @ / ; , -` and the operators `^ $ ? [ ] { } | \ * + .`. No `(…)` sub-patterns, no
 * multi-byte characters, no spaces or quotes. Inside those rules it reads as a JavaScript regex
 * (a subset of both), matched anywhere in the message and case-sensitively.
 */
const ALLOWED = /^[A-Za-z0-9:_#=@/;,\-^$?[\]{}|\\*+.]*$/;

export function isRegexPattern(pattern: string): boolean {
  return pattern.length >= 2 && pattern.startsWith('%') && pattern.endsWith('%');
}

export function compileRegexPattern(pattern: string): (message: string) => boolean {
  const body = pattern.slice(1, -1);
  if (body === '') throw invalidParameter('Invalid filter pattern: empty regular expression');
  if (/[()]/.test(body)) throw invalidParameter(`Invalid filter pattern: the () operator is not supported in '${pattern}'`);
  if (!ALLOWED.test(body)) throw invalidParameter(`Invalid character(s) in regular expression '${pattern}'`);
  let re: RegExp;
  try {
    re = new RegExp(body);
  } catch {
    throw invalidParameter(`Invalid regular expression '${pattern}'`);
  }
  return (m) => re.test(m);
}
