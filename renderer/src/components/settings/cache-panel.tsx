import { useEffect, useState } from 'react';
import type { CacheStats } from '../../../../shared/domain/cache';
import type { AppErrorValue } from '../../../../shared/errors';
import { call } from '../../lib/api';
import { formatBytes, plural } from '../../lib/format';
import { useStore } from '../../store/store';
import { InlineError } from '../common/inline-error';

export function CachePanel() {
  const [stats, setStats] = useState<CacheStats | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [confirm, setConfirm] = useState(false);
  const pushNotice = useStore((s) => s.pushNotice);

  const load = async () => {
    const result = await call((api) => api.cacheStats());
    if (result.ok) setStats(result.value);
    else setError(result.error);
  };
  useEffect(() => void load(), []);

  const clear = async () => {
    if (!confirm) return setConfirm(true);
    setConfirm(false);
    const result = await call((api) => api.clearCache());
    if (!result.ok) return setError(result.error);
    pushNotice({ tone: 'info', message: 'Cache cleared.' });
    void load();
  };

  const used = stats ? Math.min(100, (stats.sizeBytes / stats.capBytes) * 100) : 0;
  return (
    <div className="form-grid" data-testid="cache-panel">
      {error && <InlineError error={error} />}
      {stats && (
        <>
          {stats.memoryOnly && (
            <InlineError
              tone="warn"
              error={{
                message: 'The cache could not be opened on disk: sessions are kept in memory until orcw quits.',
                hint: 'Check that the data directory is writable and has free space.',
              }}
            />
          )}
          <div
            className="cache-meter"
            role="meter"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(used)}
            aria-label="Cache used"
          >
            <div className="cache-meter-fill" style={{ width: `${used}%` }} />
          </div>
          <div className="muted num" data-testid="cache-stats">
            {formatBytes(stats.sizeBytes)} of {formatBytes(stats.capBytes)} · {plural(stats.sessions, 'session')} ·{' '}
            {plural(stats.events, 'event')}
          </div>
        </>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="btn btn-danger"
          onClick={() => void clear()}
          onBlur={() => setConfirm(false)}
          data-testid="cache-clear"
        >
          {confirm ? 'Click again to delete every cached session' : 'Clear cache'}
        </button>
      </div>
    </div>
  );
}
