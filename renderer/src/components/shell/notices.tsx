import { useStore } from '../../store/store';
import { Icon } from '../common/icons';

export function Notices() {
  const notices = useStore((s) => s.notices);
  const dismiss = useStore((s) => s.dismissNotice);
  return (
    <div className="notices" aria-live="polite">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={`notice notice-${notice.tone}`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
          data-testid={`notice-${notice.tone}`}
        >
          <Icon name={notice.tone === 'error' ? 'alert' : 'check'} />
          <div>
            <div className="notice-message">{notice.message}</div>
            {notice.hint && <div className="notice-hint">{notice.hint}</div>}
          </div>
          <button type="button" className="btn btn-ghost btn-sm" aria-label="Dismiss" onClick={() => dismiss(notice.id)}>
            <Icon name="x" size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
