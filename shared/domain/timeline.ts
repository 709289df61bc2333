/** A span of the session's timeline, as offsets in ms since the session start. */
export interface Domain {
  fromMs: number;
  toMs: number;
}

const MIN_SPAN_MS = 1000;

/**
 * The timeline runs from the session start (or the first event, when the window margin caught
 * earlier lines) to the last event: a token's expiry is the session's maximum length, not its
 * real end, so using it would squeeze all activity into a corner.
 */
export function domainOfOffsets(minOffset: number | undefined, maxOffset: number | undefined, sessionSpanMs: number): Domain {
  const min = Math.min(0, minOffset ?? 0);
  let max = maxOffset ?? Math.max(sessionSpanMs, MIN_SPAN_MS);
  if (max - min < MIN_SPAN_MS) max = min + MIN_SPAN_MS;
  return { fromMs: min, toMs: max };
}

/** The domain of these events (see domainOfOffsets). */
export function timelineDomain(events: readonly { offsetMs: number }[], sessionSpanMs: number): Domain {
  let min: number | undefined;
  let max: number | undefined;
  for (const { offsetMs } of events) {
    if (min === undefined || offsetMs < min) min = offsetMs;
    if (max === undefined || offsetMs > max) max = offsetMs;
  }
  return domainOfOffsets(min, max, sessionSpanMs);
}

/**
 * Index of the bin an offset falls in; the last bin includes the domain's end. The one rule for
 * binning: the timeline's bars (counted in the cache) and a clicked bar's events (filtered in the
 * cache) both use it, so a bar and the list it selects always agree.
 */
export function binIndex(offsetMs: number, domain: Domain, count: number): number {
  const span = domain.toMs - domain.fromMs;
  if (span <= 0 || count <= 0) return 0;
  const raw = Math.floor(((offsetMs - domain.fromMs) / span) * count);
  return Math.min(count - 1, Math.max(0, raw));
}

/** Where bin `index` of `count` starts and ends. */
export function binSpan(domain: Domain, count: number, index: number): Domain {
  const width = (domain.toMs - domain.fromMs) / count;
  return { fromMs: domain.fromMs + index * width, toMs: index === count - 1 ? domain.toMs : domain.fromMs + (index + 1) * width };
}
