import { useEffect, useState } from 'react';
import { formatOffset, plural } from '../../lib/format';
import type { LiveState } from '../../store/live-slice';

/** A sampled update is mentioned for this long after it came. */
const SAMPLED_NOTE_MS = 10_000;

/**
 * m:ss (h:mm:ss past an hour): the elapsed time of a follow, which Live Tail bills per minute. The
 * clock layout of the session offsets, counted in whole seconds gone by and without their sign.
 */
export function formatElapsed(ms: number): string {
  const wholeSeconds = Math.floor(Math.max(0, ms) / 1000) * 1000;
  return formatOffset(wholeSeconds, false).slice(1);
}

export function LiveIndicator({ live }: { live: LiveState }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const elapsed = now - live.startedAt;
  const minutes = Math.max(1, Math.ceil(elapsed / 60_000));
  const label =
    live.state === 'starting'
      ? 'Starting Live Tail…'
      : live.state === 'resuming'
        ? 'Stream dropped — resuming…'
        : live.state === 'stopping'
          ? 'Stopping…'
          : 'Following live';
  return (
    <span className="live-indicator" role="status" data-testid="live-indicator" data-state={live.state}>
      <span className={`live-dot${live.state === 'running' ? ' is-on' : ''}`} aria-hidden="true" />
      <strong>{label}</strong>
      <span
        className="num"
        data-testid="live-elapsed"
        title={`CloudWatch Live Tail is billed per minute: ${plural(minutes, 'minute')} so far${live.tails && live.tails > 1 ? `, for each of ${live.tails} sessions` : ''}`}
      >
        {formatElapsed(elapsed)}
      </span>
      <span className="muted small">billed per minute</span>
      {live.sampledAt !== undefined && now - live.sampledAt < SAMPLED_NOTE_MS && (
        <span
          className="badge badge-warn"
          data-testid="live-sampled"
          title="More than 500 matching lines arrived in one second: CloudWatch sent a sample of them. Refresh the session later to get every line."
        >
          Sampled: some lines of a busy second are missing
        </span>
      )}
      {live.gaps > 0 && (
        <span
          className="badge"
          data-testid="live-gaps"
          title="The stream dropped and was resumed; what it missed was fetched with a Logs Insights query."
        >
          {plural(live.gaps, 'gap')} filled by a query
        </span>
      )}
    </span>
  );
}
