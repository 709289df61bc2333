import type { CorrelationResult } from '../../../shared/domain/correlation';
import { makeCorrelationResult } from './correlation-results';

/** The run the crash writer saves for a seed; the parent rebuilds it to compare after a kill. */
export function crashRunFor(seed: number): CorrelationResult {
  return makeCorrelationResult({ seed, events: 20 + ((seed * 7919) % 400) });
}
