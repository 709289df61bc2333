import { useStore } from '../../store/store';
import { Icon } from '../common/icons';
import { refreshReference } from '../session/session-header';

/** Shown while CloudWatch cannot be reached: what is on screen comes from the cache. */
export function OfflineBanner() {
  const offline = useStore((s) => s.offline);
  const setOffline = useStore((s) => s.setOffline);
  const openReference = useStore((s) => s.openReference);
  const response = useStore((s) => s.response);
  const running = useStore((s) => s.run !== null);
  if (!offline) return null;
  return (
    <div className="offline-banner" role="status" data-testid="offline-banner">
      <Icon name="offline" />
      <strong>Offline</strong>
      <span className="banner-text">
        {offline.message} <span className="muted">{offline.hint}</span>
      </span>
      <span className="muted nowrap">Cached sessions remain available.</span>
      {response && (
        <button
          type="button"
          className="btn btn-sm"
          disabled={running}
          onClick={() => void openReference(refreshReference(response), 'refresh')}
          title="Try CloudWatch again for the open session"
          data-testid="offline-retry"
        >
          Retry
        </button>
      )}
      <button type="button" className="btn btn-ghost btn-sm" onClick={() => setOffline(null)} aria-label="Dismiss offline notice">
        <Icon name="x" size={14} />
      </button>
    </div>
  );
}
