import type { Result } from '../../../shared/ipc/result';
import type { CorrelatorApi } from '../../../shared/ipc/bridge';
import { transportError } from './errors';

export function correlator(): CorrelatorApi {
  return window.correlator;
}

/**
 * Every call resolves to a Result; a rejected promise (transport gone, bridge missing) is turned
 * into an error value too, so no view ever has to catch.
 */
export async function call<T>(invoke: (api: CorrelatorApi) => Promise<Result<T>>): Promise<Result<T>> {
  try {
    const api = correlator();
    if (!api) throw new Error('window.correlator is missing');
    return await invoke(api);
  } catch (thrown) {
    return { ok: false, error: transportError(thrown) };
  }
}

export function newRequestId(): string {
  return crypto.randomUUID();
}
