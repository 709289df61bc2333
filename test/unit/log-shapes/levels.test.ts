import { describe, expect, it } from 'vitest';
import { levelFromText, maxLevel } from '../../../main/services/correlation/log-shapes/levels';
import { levelFromJson } from '../../../main/services/correlation/log-shapes/json-record';

describe('levelFromText', () => {
  it.each([
    ['2024-01-24 04:27:39,324 ERROR [payments] charge failed', 'error'],
    ['ERROR:root:charge failed', 'error'],
    ['[ERROR]\t2024-01-24T04:27:39.324Z\t8f2c…\tboom', 'error'],
    ['2024-01-24T04:27:39.324Z\tc0ffee\tERROR\tInvoke Error', 'error'],
    ['FATAL could not bind :8080', 'fatal'],
    ['CRITICAL:app:disk full', 'fatal'],
    ['WARN pool exhausted, retrying', 'warn'],
    ['WARNING:root:deprecated call', 'warn'],
    ['level=error msg="upstream closed"', 'error'],
    ['time=2024-01-24T04:27:39Z level=warning msg=slow', 'warn'],
    ['lvl=crit msg=down', 'fatal'],
    ['2024/01/24 04:27:39 [error] 31#31: *1 connect() failed', 'error'],
    ['INFO GET /api/orders 200 12ms', 'info'],
    ['DEBUG cache miss key=orders:42', 'debug'],
    ['Traceback (most recent call last):', 'error'],
    ["KeyError: 'user_id'", 'error'],
    ['java.lang.IllegalStateException: boom', 'error'],
    ['Exception in thread "main" java.lang.NullPointerException', 'error'],
    ["TypeError: Cannot read properties of undefined (reading 'id')", 'error'],
    ['Error: connect ECONNREFUSED 10.0.0.1:5432', 'error'],
    ['Error [ERR_HTTP_HEADERS_SENT]: Cannot set headers after they are sent', 'error'],
    ['panic: runtime error: invalid memory address or nil pointer dereference', 'fatal'],
    ['fatal error: concurrent map writes', 'fatal'],
    ['http: panic serving 10.0.0.7:51234: runtime error: slice bounds out of range', 'error'],
  ])('%s → %s', (text, level) => {
    expect(levelFromText(text)).toBe(level);
  });

  it('takes the first explicit level on the line, not the worst word', () => {
    expect(levelFromText('WARN retrying after ERROR from upstream')).toBe('warn');
    expect(levelFromText('INFO request failed with status ERROR')).toBe('info');
    expect(levelFromText('level=info msg="ERROR budget ok"')).toBe('info');
  });

  it('does not read levels out of ordinary words', () => {
    for (const text of [
      'GET /errors/recent 200',
      'user clicked ERROR_BUTTON',
      'no errors found in 3 files',
      'handled the exception gracefully',
      'sent a warning e-mail',
      'INFORMATION_SCHEMA scan done',
      '    at Object.<anonymous> (/app/index.js:1:1)',
      '  File "/app/x.py", line 3, in f',
      'Retrieved Exceptions list',
    ]) {
      expect(levelFromText(text), text).toBe('unknown');
    }
  });

  it('finds trace markers on later lines of a multi-line message', () => {
    expect(levelFromText('handler failed\nTraceback (most recent call last):\n  File "x.py", line 1, in f')).toBe('error');
    expect(levelFromText('request aborted\npanic: boom\n\ngoroutine 1 [running]:')).toBe('fatal');
    expect(levelFromText('WARNING:root:retrying\nTraceback (most recent call last):')).toBe('warn');
  });
});

describe('levelFromJson', () => {
  it('maps pino and bunyan numeric levels', () => {
    expect(levelFromJson({ level: 10 })).toBe('debug');
    expect(levelFromJson({ level: 20 })).toBe('debug');
    expect(levelFromJson({ level: 30 })).toBe('info');
    expect(levelFromJson({ level: 40 })).toBe('warn');
    expect(levelFromJson({ level: 50 })).toBe('error');
    expect(levelFromJson({ level: 60 })).toBe('fatal');
    expect(levelFromJson({ level: '50' })).toBe('error');
  });

  it('maps names in any case, from the fields different loggers use', () => {
    expect(levelFromJson({ levelname: 'ERROR' })).toBe('error');
    expect(levelFromJson({ levelname: 'CRITICAL' })).toBe('fatal');
    expect(levelFromJson({ level: 'warning' })).toBe('warn');
    expect(levelFromJson({ Level: 'Error' })).toBe('error');
    expect(levelFromJson({ severity: 'ERROR' })).toBe('error');
    expect(levelFromJson({ severity: 'SEVERE' })).toBe('error');
    expect(levelFromJson({ 'log.level': 'warn' })).toBe('warn');
    expect(levelFromJson({ log: { level: 'fatal' } })).toBe('fatal');
    expect(levelFromJson({ '@l': 'Warning' })).toBe('warn');
    expect(levelFromJson({ level: 'notice' })).toBe('info');
    expect(levelFromJson({ level: 'trace' })).toBe('debug');
  });

  it('reads each numeric scale by the field that carries it', () => {
    expect(levelFromJson({ levelno: 40 })).toBe('error');
    expect(levelFromJson({ levelno: 50 })).toBe('fatal');
    expect(levelFromJson({ severity: 3 })).toBe('error');
    expect(levelFromJson({ severity: 2 })).toBe('fatal');
    expect(levelFromJson({ severity: 6 })).toBe('info');
    expect(levelFromJson({ severity_number: 17 })).toBe('error');
    expect(levelFromJson({ severityNumber: 21 })).toBe('fatal');
    expect(levelFromJson({ severityNumber: 9 })).toBe('info');
  });

  it('prefers `level` over the other fields and skips fields it cannot read', () => {
    expect(levelFromJson({ level: 50, levelno: 20 })).toBe('error');
    expect(levelFromJson({ level: 'verbose-ish', levelname: 'ERROR' })).toBe('error');
    expect(levelFromJson({ level: null, severity: 'warning' })).toBe('warn');
    expect(levelFromJson({ severity: 42 })).toBeUndefined();
    expect(levelFromJson({ msg: 'no level here' })).toBeUndefined();
  });
});

describe('maxLevel', () => {
  it('orders unknown < debug < info < warn < error < fatal', () => {
    expect(maxLevel('error', 'fatal')).toBe('fatal');
    expect(maxLevel('warn', 'unknown')).toBe('warn');
    expect(maxLevel('info', 'debug')).toBe('info');
  });
});
