import type { ScanEstimate } from '../../../../shared/domain/scan-plan';
import { useTimeFormat } from '../../hooks/use-time-format';
import { formatBytes, formatCost, formatDuration, plural } from '../../lib/format';
import { useStore } from '../../store/store';
import { ModalDialog } from '../common/modal-dialog';

const BASIS = {
  'stored-bytes': "from the log groups' stored size and retention",
  'last-run': 'from the last run over the same log groups',
  unknown: 'CloudWatch did not say how much these log groups hold',
} as const;

function estimateText(estimate: ScanEstimate): string {
  if (estimate.bytes === null || estimate.costUsd === null) return 'unknown';
  return `≈ ${formatBytes(estimate.bytes)} scanned, ≈ ${formatCost(estimate.costUsd)}`;
}

/**
 * An orcw:// link that would query CloudWatch, shown before anything runs: connections, log groups,
 * window and the estimated bytes and cost. Enter (Run, focused) runs it; Esc or Cancel drops it.
 */
export function LinkPreviewDialog() {
  const preview = useStore((s) => s.linkPreview);
  const run = useStore((s) => s.runLinkPreview);
  const dismiss = useStore((s) => s.dismissLinkPreview);
  const time = useTimeFormat();
  if (!preview) return null;
  const { plan } = preview;
  const groups = plan.connections.reduce((n, c) => n + c.logGroups.length, 0);
  return (
    <ModalDialog labelledBy="link-preview-title" describedBy="link-preview-body" onCancel={dismiss} testId="link-preview">
      <h2 id="link-preview-title" className="modal-title">
        Run this link?
      </h2>
      <div id="link-preview-body" className="modal-body">
        <p>
          A link asks orcw to search CloudWatch Logs for session <span className="mono">{plan.sessionId}</span>. Nothing has been queried
          yet.
        </p>
        <dl className="modal-facts">
          <dt>Window</dt>
          <dd data-testid="link-preview-window">
            {time.stamp(plan.window.from)} → {time.stamp(plan.window.to)} ({formatDuration(plan.window.to - plan.window.from)})
          </dd>
          <dt>Scans</dt>
          <dd data-testid="link-preview-scope">
            {plural(plan.connections.length, 'connection')}, {plural(groups, 'log group')}
          </dd>
          <dt>Estimate</dt>
          <dd data-testid="link-preview-estimate">
            {estimateText(plan.estimate)} <span className="hint">({BASIS[plan.estimate.basis]})</span>
          </dd>
        </dl>
        <ul className="modal-list" data-testid="link-preview-connections">
          {plan.connections.map((connection) => (
            <li key={connection.id}>
              <strong>{connection.name}</strong> ({connection.region}):{' '}
              {connection.logGroups.map((g) => g.name).join(', ') || 'no log groups'} — {estimateText(connection.estimate)}
              {connection.note && <div className="hint">{connection.note}</div>}
            </li>
          ))}
        </ul>
        <p className="hint">
          Links run without asking when the estimate is at most {formatCost(plan.autoRunMaxUsd)} (Settings → Cost ceiling for links).
        </p>
      </div>
      <div className="modal-actions">
        <button type="button" className="btn" onClick={dismiss} data-testid="link-preview-cancel">
          Cancel <kbd>Esc</kbd>
        </button>
        <button type="button" className="btn btn-primary" onClick={run} data-autofocus data-testid="link-preview-run">
          Run <kbd>Enter</kbd>
        </button>
      </div>
    </ModalDialog>
  );
}
