import { FLAKE_EPOCH_MS, MAX_SESSION_SPAN_MS, START_SLACK_MS } from './limits';
import { accept, refuse, type Parsed } from './parse-result';
import { iso } from './session-id';

/**
 * OpenReplay's player takes `jumpto` as ms since the session start but also accepts absolute epoch
 * ms. No session lasts decades, so a value past the flake epoch is absolute; it is made relative
 * here so the rest of the app has one meaning.
 */
export function normaliseJumpTo(raw: string, start: number, hint: string): Parsed<number> {
  if (!/^[0-9]{1,16}$/.test(raw)) return refuse('jumpto must be a whole number of milliseconds', hint);
  const value = Number(raw);
  if (value < FLAKE_EPOCH_MS) {
    if (value > MAX_SESSION_SPAN_MS) return refuse('jumpto is more than 7 days after the session start', hint);
    return accept(value);
  }
  const relative = value - start;
  if (relative < -START_SLACK_MS) {
    return refuse(`jumpto (${iso(value)}) is before the session start (${iso(start)})`, hint);
  }
  if (relative > MAX_SESSION_SPAN_MS) {
    return refuse(`jumpto (${iso(value)}) is more than 7 days after the session start`, hint);
  }
  // The recorded start can precede the flake start by a few minutes: such a jump means "the beginning".
  return accept(Math.max(0, relative));
}
