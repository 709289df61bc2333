import type { Level } from '../../../../shared/domain/correlation';

const RANK: Record<Level, number> = { unknown: 0, debug: 1, info: 2, warn: 3, error: 4, fatal: 5 };

export function levelRank(level: Level): number {
  return RANK[level];
}

export function maxLevel(a: Level, b: Level): Level {
  return RANK[a] >= RANK[b] ? a : b;
}

export function isErrorLevel(level: Level): boolean {
  return level === 'error' || level === 'fatal';
}

const NAMES: Record<string, Level> = {
  fatal: 'fatal',
  critical: 'fatal',
  crit: 'fatal',
  emerg: 'fatal',
  emergency: 'fatal',
  alert: 'fatal',
  panic: 'fatal',
  error: 'error',
  err: 'error',
  severe: 'error',
  exception: 'error',
  warn: 'warn',
  warning: 'warn',
  info: 'info',
  information: 'info',
  informational: 'info',
  notice: 'info',
  log: 'info',
  debug: 'debug',
  trace: 'debug',
  verbose: 'debug',
  fine: 'debug',
  finer: 'debug',
  finest: 'debug',
  silly: 'debug',
};

/** A level name in any case (`ERROR`, `Warning`, `crit`), or undefined when it is not one. */
export function levelFromName(name: string): Level | undefined {
  return NAMES[name.trim().toLowerCase()];
}

/** pino and bunyan: 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal. */
export function levelFromPinoNumber(n: number): Level {
  if (n >= 60) return 'fatal';
  if (n >= 50) return 'error';
  if (n >= 40) return 'warn';
  if (n >= 30) return 'info';
  return 'debug';
}

/** Python's `levelno`: 10 DEBUG, 20 INFO, 30 WARNING, 40 ERROR, 50 CRITICAL. */
export function levelFromPythonNumber(n: number): Level {
  if (n >= 50) return 'fatal';
  if (n >= 40) return 'error';
  if (n >= 30) return 'warn';
  if (n >= 20) return 'info';
  return 'debug';
}

/** Syslog severities 0–7 (numeric `severity`): 0–2 emergency/alert/critical, 3 error, 4 warning. */
export function levelFromSyslogNumber(n: number): Level | undefined {
  if (!Number.isInteger(n) || n < 0 || n > 7) return undefined;
  if (n <= 2) return 'fatal';
  if (n === 3) return 'error';
  if (n === 4) return 'warn';
  return n === 7 ? 'debug' : 'info';
}

/** OpenTelemetry SeverityNumber 1–24: 1–8 trace/debug, 9–12 info, 13–16 warn, 17–20 error, 21–24 fatal. */
export function levelFromOtelNumber(n: number): Level | undefined {
  if (n < 1 || n > 24) return undefined;
  if (n >= 21) return 'fatal';
  if (n >= 17) return 'error';
  if (n >= 13) return 'warn';
  return n >= 9 ? 'info' : 'debug';
}

// An explicit level near the start of a text line: `ERROR`, `[error]`, `level=warn`, `<E>`-less forms.
const LEVEL_WORD_RE = /\b(FATAL|CRITICAL|CRIT|EMERG|ALERT|SEVERE|ERROR|ERR|WARNING|WARN|INFO|NOTICE|DEBUG|TRACE)\b/;
const BRACKETED_RE = /\[(fatal|critical|error|err|warning|warn|info|notice|debug|trace)\]/i;
const KEY_VALUE_RE = /\b(?:level|lvl|severity|loglevel)\s*[=:]\s*"?([A-Za-z]+)/i;
const PYTHON_TRACEBACK_RE = /^Traceback \(most recent call last\):/m;
const GO_FATAL_RE = /^(?:panic: |fatal error: )/m;
const EXCEPTION_LINE_RE = /^(?:Exception in thread "|Uncaught )|^(?:[A-Za-z_$][\w$.]*)?(?:Exception|Error)\b(?: \[[^\]\n]*\])?:/m;

/**
 * The level of a plain-text message. An explicit level on the first line wins (the first one, so
 * `WARN retrying after ERROR` is a warning); then stack-trace markers at a line start; else unknown.
 */
export function levelFromText(body: string): Level {
  const newline = body.indexOf('\n');
  const first = newline === -1 ? body : body.slice(0, newline);
  const explicit = explicitLevel(first);
  if (explicit) return explicit;
  if (GO_FATAL_RE.test(body)) return 'fatal';
  if (PYTHON_TRACEBACK_RE.test(body) || EXCEPTION_LINE_RE.test(body)) return 'error';
  // net/http's recovered panic, possibly behind the log package's date.
  if (/(?:^|\s)http: panic serving /m.test(body)) return 'error';
  return 'unknown';
}

function explicitLevel(line: string): Level | undefined {
  const candidates: { index: number; level: Level }[] = [];
  const kv = KEY_VALUE_RE.exec(line);
  const kvLevel = kv?.[1] ? levelFromName(kv[1]) : undefined;
  if (kv && kvLevel) candidates.push({ index: kv.index, level: kvLevel });
  const bracketed = BRACKETED_RE.exec(line);
  if (bracketed?.[1]) candidates.push({ index: bracketed.index, level: NAMES[bracketed[1].toLowerCase()] ?? 'unknown' });
  const word = LEVEL_WORD_RE.exec(line);
  if (word?.[1]) candidates.push({ index: word.index, level: NAMES[word[1].toLowerCase()] ?? 'unknown' });
  if (candidates.length === 0) return undefined;
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0]?.level;
}
