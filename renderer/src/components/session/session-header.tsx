import { memo } from 'react';
import type { CorrelateResponse } from '../../../../shared/domain/session-view';
import { buildDeepLink, parseSessionReference } from '../../../../shared/session/reference';
import { useOpenExternal } from '../../hooks/use-open-external';
import { useReplayUrl } from '../../hooks/use-replay-url';
import { useTimeFormat } from '../../hooks/use-time-format';
import { formatBytes, formatCost, formatDuration, formatRelative, plural } from '../../lib/format';
import { useStore } from '../../store/store';
import { CopyButton } from '../common/copy-button';
import { Icon } from '../common/icons';
import { CopyReportButton } from './copy-report-button';
import { SaveMenu } from './save-menu';
import { TimeZoneToggle } from '../common/time-zone-toggle';

function deepLinkFor(response: CorrelateResponse): string {
  const { session } = response.result;
  const parsed = parseSessionReference(session.token ?? session.id);
  if (!parsed.ok) return `orcw://session/${session.id}`;
  return buildDeepLink({ ...parsed.value, ...(session.replayUrl !== undefined && { replayUrl: session.replayUrl }) });
}

/** The reference to run again: the token keeps the exact window; a replay URL keeps the link. */
export function refreshReference(response: CorrelateResponse): string {
  const { session } = response.result;
  return session.token ?? session.replayUrl ?? session.id;
}

export const SessionHeader = memo(function SessionHeader({
  response,
  lastOffsetMs,
}: {
  response: CorrelateResponse;
  lastOffsetMs: number | undefined;
}) {
  const { result, source, cachedAt } = response;
  const { session, window: range, stats } = result;
  const openReference = useStore((s) => s.openReference);
  const running = useStore((s) => s.run !== null);
  const openExternal = useOpenExternal();
  const replayUrl = useReplayUrl(session)();
  const failedConnections = new Set(result.failures.map((f) => f.connection));
  const time = useTimeFormat();
  const cachedOrRan = cachedAt ?? result.ranAt;

  return (
    <header className="session-header" data-testid="session-header">
      <div className="session-title-row">
        <h1 className="session-title">
          <span className="faint">Session</span>{' '}
          <span className="mono" data-testid="session-id">
            {session.id}
          </span>
        </h1>
        {result.complete ? (
          <span className="badge badge-ok" data-testid="session-complete">
            Complete
          </span>
        ) : (
          <span className="badge badge-warn" data-testid="session-incomplete" title="Some queries failed or hit the result cap">
            Incomplete
          </span>
        )}
        <span className="badge" data-testid="session-source">
          {source === 'cache' ? 'From cache' : 'Fresh from CloudWatch'}
        </span>
        <div className="session-actions">
          <TimeZoneToggle />
          <button
            type="button"
            className="btn btn-sm"
            disabled={!replayUrl}
            onClick={() => replayUrl && void openExternal(replayUrl)}
            title={replayUrl ?? 'No replay URL: add the OpenReplay base URL and project to a connection'}
            data-testid="open-replay"
          >
            <Icon name="play" size={14} /> Replay
          </button>
          <CopyButton text={() => deepLinkFor(response)} label="Copy deep link" what="deep link" testId="copy-deep-link" />
          <CopyReportButton sessionId={session.id} />
          <SaveMenu sessionId={session.id} />
          <button
            type="button"
            className="btn btn-sm"
            disabled={running}
            onClick={() => void openReference(refreshReference(response), 'refresh')}
            title="Fetch what CloudWatch has beyond the cached run (a finished, fully cached session needs no query)"
            data-testid="refresh-session"
          >
            <Icon name="refresh" size={14} /> Refresh
          </button>
        </div>
      </div>
      <dl className="session-meta">
        <div>
          <dt>Started</dt>
          <dd className="num" data-testid="session-started">
            {time.stamp(session.start)}
          </dd>
        </div>
        <div title="From the session start to the last logged line">
          <dt>Duration</dt>
          <dd className="num">{lastOffsetMs === undefined ? '—' : formatDuration(Math.max(0, lastOffsetMs))}</dd>
        </div>
        <div>
          <dt>Window</dt>
          <dd className="num" data-testid="session-window">
            {time.clockFrom(range.from, session.start)} – {time.clockFrom(range.to, session.start)} {time.label(range.from)}{' '}
            <span className="muted">({formatDuration(range.to - range.from)})</span>
          </dd>
        </div>
        <div>
          <dt>Connections</dt>
          <dd className="ellipsis" data-testid="session-connections">
            {result.connections.length === 0
              ? '—'
              : result.connections.map((c, i) => (
                  <span
                    key={c.id}
                    className={failedConnections.has(c.name) ? 'level-error' : ''}
                    title={`${plural(c.logGroups.length, 'log group')}: ${c.logGroups.join(', ')}`}
                  >
                    {i > 0 && ', '}
                    {c.name}
                  </span>
                ))}
          </dd>
        </div>
        <div>
          <dt>Cached</dt>
          <dd title={time.stamp(cachedOrRan)}>{formatRelative(cachedOrRan, Date.now(), time.zone)}</dd>
        </div>
        <div title="Log lines carrying this session's tag">
          <dt>Matched</dt>
          <dd className="num" data-testid="session-matched">
            {plural(stats.recordsMatched, 'line')}
          </dd>
        </div>
        {stats.rowsWithoutTimestamp !== undefined && (
          <div title="Lines the queries returned whose timestamp could not be read: they cannot be placed on the timeline, so they are not listed">
            <dt>Left out</dt>
            <dd className="num" data-testid="session-without-timestamp">
              {plural(stats.rowsWithoutTimestamp, 'line')} without a timestamp
            </dd>
          </div>
        )}
        <div title={`${stats.queries} queries, ${stats.recordsScanned.toLocaleString()} records scanned`}>
          <dt>Scanned</dt>
          <dd className="num" data-testid="session-scanned">
            {formatBytes(stats.bytesScanned)} · {formatCost(stats.costUsd)}
          </dd>
        </div>
      </dl>
    </header>
  );
});
