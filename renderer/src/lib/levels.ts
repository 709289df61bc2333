import type { Level } from '../../../shared/domain/correlation';

export const LEVELS: readonly Level[] = ['fatal', 'error', 'warn', 'info', 'debug', 'unknown'];

export const LEVEL_LABEL: Record<Level, string> = {
  fatal: 'FATAL',
  error: 'ERROR',
  warn: 'WARN',
  info: 'INFO',
  debug: 'DEBUG',
  unknown: '—',
};

export function isErrorLevel(level: Level): boolean {
  return level === 'fatal' || level === 'error';
}
