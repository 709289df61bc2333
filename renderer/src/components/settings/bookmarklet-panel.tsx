import { buildBookmarklet } from '../../lib/bookmarklet';
import { CopyButton } from '../common/copy-button';

/** Shown as text: a javascript: link is never opened or made clickable inside the app. */
export function BookmarkletPanel() {
  const code = buildBookmarklet();
  return (
    <div className="form-grid" data-testid="bookmarklet">
      <p className="muted">
        Create a bookmark in your browser and paste this as its address (URL). On an OpenReplay replay page, click the bookmark: the session
        opens in orcw at the moment you were watching.
      </p>
      <textarea
        className="textarea"
        readOnly
        rows={3}
        value={code}
        aria-label="Bookmarklet"
        onFocus={(e) => e.currentTarget.select()}
        data-testid="bookmarklet-code"
      />
      <div className="form-actions">
        <CopyButton text={() => code} label="Copy bookmarklet" what="bookmarklet" testId="copy-bookmarklet" />
      </div>
    </div>
  );
}
