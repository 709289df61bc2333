import { useEffect, useState } from 'react';
import type { SessionView } from '../../../../shared/domain/session-view';
import { FOLLOW_SHORTCUT, useLiveFollow } from '../../hooks/use-live-follow';
import { useStore } from '../../store/store';
import { InlineError } from '../common/inline-error';
import { LiveIndicator } from './live-indicator';

/** A session whose window reaches now may still be writing lines: following it is offered first. */
export function windowReachesNow(view: Pick<SessionView, 'session'>, marginMs: number, now = Date.now()): boolean {
  return view.session.end + marginMs > now;
}

/**
 * "Follow live" for the open session: prominent while its window reaches now, offered for any
 * session by choice (reproducing a bug later); while following, the running indicator and Stop.
 */
export function LiveBar({ view }: { view: SessionView }) {
  const live = useStore((s) => s.live);
  const liveEnd = useStore((s) => s.liveEnd);
  const startFollow = useStore((s) => s.startFollow);
  const stopFollow = useStore((s) => s.stopFollow);
  const marginMinutes = useStore((s) => s.settings.marginMinutes);
  useLiveFollow(view.session.id);
  const reachesNow = useReachesNow(view, marginMinutes * 60_000);
  const mine = live?.sessionId === view.session.id ? live : null;

  return (
    <div className="live-bar" data-testid="live-bar">
      {mine ? (
        <>
          <LiveIndicator live={mine} />
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => void stopFollow()}
            disabled={mine.state === 'stopping'}
            aria-keyshortcuts={FOLLOW_SHORTCUT}
            title={`Stop following (${FOLLOW_SHORTCUT})`}
            data-testid="follow-stop"
          >
            Stop following
          </button>
        </>
      ) : (
        <button
          type="button"
          className={`btn btn-sm${reachesNow ? ' btn-primary' : ''}`}
          onClick={() => void startFollow({ anyTime: !reachesNow })}
          disabled={live !== null}
          aria-keyshortcuts={FOLLOW_SHORTCUT}
          title={`${reachesNow ? 'Show the backend lines of this session as they are written' : "The session's window has passed: follow anyway, e.g. while reproducing the bug"} — CloudWatch Live Tail, billed per minute (${FOLLOW_SHORTCUT})`}
          data-testid="follow-start"
        >
          {reachesNow ? 'Follow live' : 'Follow live anyway'}
        </button>
      )}
      {!mine &&
        liveEnd &&
        (liveEnd.error ? (
          <InlineError error={liveEnd.error} testId="follow-error" />
        ) : (
          <span className="muted small" data-testid="follow-ended">
            {liveEnd.reason === 'window-passed'
              ? "Stopped following: the session's window has passed."
              : "Stopped following: Live Tail's 3-hour limit was reached."}
          </span>
        ))}
    </div>
  );
}

/** Re-evaluated each minute, so the offer changes when the window passes while the view is open. */
function useReachesNow(view: SessionView, marginMs: number): boolean {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return windowReachesNow(view, marginMs, now);
}
