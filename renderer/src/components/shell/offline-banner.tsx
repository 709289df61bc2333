import { useStore } from '../../store/store';
import { Icon } from '../common/icons';

/** Shown while CloudWatch cannot be reached: what is on screen comes from the cache. */
export function OfflineBanner() {
  const offline = useStore((s) => s.offline);
  const setOffline = useStore((s) => s.setOffline);
  if (!offline) return null;
  return (
    <div className="offline-banner" role="status" data-testid="offline-banner">
      <Icon name="offline" />
      <strong>Offline</strong>
      <span className="banner-text">
        {offline.message} <span className="muted">{offline.hint}</span>
      </span>
      <span className="muted nowrap">Cached sessions remain available.</span>
      <button type="button" className="btn btn-ghost btn-sm" onClick={() => setOffline(null)} aria-label="Dismiss offline notice">
        <Icon name="x" size={14} />
      </button>
    </div>
  );
}
