import { useEffect, useState } from 'react';
import type { RunState } from '../../store/session-slice';
import { formatBytes, formatCost, formatDuration, formatCount } from '../../lib/format';
import { useStore } from '../../store/store';

const PHASES: Record<string, string> = {
  querying: 'Querying CloudWatch Logs Insights',
  splitting: 'Result cap reached: reading the rest in further queries',
  processing: 'Grouping errors',
  context: 'Fetching context lines',
  saving: 'Saving to the cache',
  done: 'Done',
};

const PART_STATES: Record<string, string> = { waiting: 'queued', reading: 'reading', done: 'shown', failed: 'failed' };

/** Live progress of a run, with cancel (also Esc); the window's parts, the first shown as soon as it is in. */
export function RunProgress({ run, compact = false }: { run: RunState; compact?: boolean }) {
  const cancelRun = useStore((s) => s.cancelRun);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  const progress = run.progress;
  const phase = run.cancelling
    ? 'Cancelling: stopping the queries'
    : progress
      ? (PHASES[progress.phase] ?? progress.phase)
      : run.mode === 'offline'
        ? 'Opening from the cache'
        : 'Starting';
  const parts = progress?.parts ?? [];
  const queries = progress?.queries ?? [];
  const done = queries.filter((q) => q.status === 'Complete').length;

  return (
    <section className={`run-progress${compact ? ' is-compact' : ''}`} aria-live="polite" data-testid="run-progress">
      <div className="run-progress-head">
        <div className="spinner" aria-hidden="true" />
        <div className="run-progress-title">
          <strong>{phase}</strong>
          <span className="muted mono ellipsis">{run.sessionId ? `session ${run.sessionId}` : run.reference}</span>
        </div>
        <span className="faint num">{formatDuration(now - run.startedAt)}</span>
        <button
          type="button"
          className="btn btn-sm"
          disabled={run.cancelling === true}
          onClick={() => void cancelRun()}
          data-testid="cancel-run"
        >
          Cancel <kbd>Esc</kbd>
        </button>
      </div>
      {progress && (
        <div className="run-progress-totals num">
          {queries.length > 0 && (
            <span>
              {done}/{queries.length} queries complete
            </span>
          )}
          <span>{formatCount(progress.totals.recordsMatched)} matched</span>
          <span>{formatCount(progress.totals.recordsScanned)} scanned</span>
          <span>
            {formatBytes(progress.totals.bytesScanned)} · {formatCost(progress.totals.costUsd)}
          </span>
          {progress.message && <span className="muted">{progress.message}</span>}
          {parts.map((part, i) => (
            <span
              key={i}
              className={`run-part part-${part.state}`}
              data-testid="run-part"
              data-state={part.state}
              title={`${new Date(part.from).toISOString()} – ${new Date(part.to).toISOString()}`}
            >
              part {i + 1}/{parts.length} ({formatDuration(part.to - part.from)}): {PART_STATES[part.state]}
            </span>
          ))}
        </div>
      )}
      {!compact && queries.length > 0 && (
        <table className="table run-queries">
          <thead>
            <tr>
              <th>Connection</th>
              <th>Log groups</th>
              <th>Status</th>
              <th className="num">Matched</th>
              <th className="num">Scanned</th>
            </tr>
          </thead>
          <tbody>
            {queries.map((query) => (
              <tr key={query.key}>
                <td>{query.connection}</td>
                <td className="num">{query.logGroups}</td>
                <td>
                  <span className={`query-status status-${query.status.toLowerCase()}`}>{query.status}</span>
                </td>
                <td className="num">{formatCount(query.recordsMatched)}</td>
                <td className="num">{formatBytes(query.bytesScanned)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
