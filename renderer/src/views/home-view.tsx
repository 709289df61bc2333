import { Icon } from '../components/common/icons';
import { InlineError } from '../components/common/inline-error';
import { RecentSessions } from '../components/home/recent-sessions';
import { useSessionImport } from '../hooks/use-session-import';
import { useStore } from '../store/store';

const examples = [
  ['Token', 'jw4wdfpgqhoj.3az.lrraavgc.5Hx…'],
  ['Session ID', '2618307011354435587'],
  ['Replay URL', 'https://app.openreplay.com/42/session/2618307011354435587?jumpto=95000'],
  ['Log tag', '[openReplaySessionToken=jw4wdfpgqhoj.3az.lrraavgc.5Hx…]'],
  ['Deep link', 'orcw://session/2618307011354435587'],
] as const;

export function HomeView() {
  const connections = useStore((s) => s.connections);
  const connectionsError = useStore((s) => s.connectionsError);
  const navigate = useStore((s) => s.navigate);
  const { openWithDialog } = useSessionImport();
  return (
    <div className="page">
      <div className="page-inner">
        {connectionsError && <InlineError error={connectionsError} />}
        {connections?.length === 0 && !connectionsError && (
          <div className="callout" data-testid="no-connection">
            <Icon name="plug" />
            <div>
              <strong>No CloudWatch connection yet.</strong> Cached sessions below still open offline; to query new ones, add a connection.
            </div>
            <button type="button" className="btn btn-primary btn-sm" onClick={() => navigate('setup')}>
              Set up a connection
            </button>
          </div>
        )}
        <section className="home-intro">
          <h1>What did the backend log during this session?</h1>
          <p className="muted">
            Paste any of these into the field above (<kbd>Ctrl</kbd> <kbd>L</kbd>) and press <kbd>Enter</kbd>. orcw finds every log line
            tagged with the session in your CloudWatch log groups, groups the errors and caches the result.
          </p>
          <dl className="examples">
            {examples.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd className="mono ellipsis">{value}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section className="card">
          <div className="card-header">
            <h2>Recent sessions</h2>
            <span className="faint card-hint">
              <kbd>j</kbd> <kbd>k</kbd> to move, <kbd>Enter</kbd> to open, <kbd>Delete</kbd> to remove
            </span>
            <button
              type="button"
              className="btn btn-sm"
              onClick={() => void openWithDialog()}
              title="Import a session saved with Save session (or drop the file on the window)"
              data-testid="open-session-file"
            >
              <Icon name="folder" size={14} /> Open file…
            </button>
          </div>
          <RecentSessions />
        </section>
      </div>
    </div>
  );
}
