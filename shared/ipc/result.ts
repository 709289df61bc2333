import type { AppErrorValue } from '../errors';

/** The envelope every IPC call resolves to: the renderer never sees a thrown exception. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorValue };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: AppErrorValue): Result<T> {
  return { ok: false, error };
}
