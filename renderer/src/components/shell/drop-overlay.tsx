import { Icon } from '../common/icons';

/** Shown while files are dragged over the window. */
export function DropOverlay({ shown }: { shown: boolean }) {
  return (
    <div className={`drop-overlay${shown ? ' is-shown' : ''}`} aria-hidden={!shown} data-testid="drop-overlay">
      <div className="drop-card" role="status">
        {shown && (
          <>
            <Icon name="download" size={22} />
            <strong>Drop to open the session</strong>
            <span className="muted">An exported .orcw (or .json) session file; it is imported into the cache and opens offline.</span>
          </>
        )}
      </div>
    </div>
  );
}
