/**
 * A Logs Insights time range in epoch SECONDS. StartQuery takes whole seconds and treats both
 * ends as inclusive, but the service converts them to milliseconds as is (aws/aws-sdk#280): the
 * range covers [startSec·1000, endSec·1000] ms, not the last second's 999 ms after endSec.
 */
export interface SecondRange {
  startSec: number;
  endSec: number;
}

/** Floor the start and ceil the end, so every millisecond of the window is inside the range. */
export function toSecondRange(window: { from: number; to: number }): SecondRange {
  return { startSec: Math.floor(window.from / 1000), endSec: Math.ceil(window.to / 1000) };
}

/**
 * Halves a range for re-running a capped query. The halves share their edge instant (mid·1000 ms):
 * an event exactly there comes back twice and is dropped by its `@ptr`, while a gap would lose it.
 * A range one second long cannot be split further: undefined.
 */
export function splitSecondRange(range: SecondRange): [SecondRange, SecondRange] | undefined {
  if (range.endSec - range.startSec < 2) return undefined;
  const mid = Math.floor((range.startSec + range.endSec) / 2);
  return [
    { startSec: range.startSec, endSec: mid },
    { startSec: mid, endSec: range.endSec },
  ];
}

export function formatSecondRange(range: SecondRange): string {
  const iso = (sec: number) => new Date(sec * 1000).toISOString().replace('.000Z', 'Z');
  return `${iso(range.startSec)}–${iso(range.endSec)}`;
}
