import { BookmarkletPanel } from '../components/settings/bookmarklet-panel';
import { CachePanel } from '../components/settings/cache-panel';
import { SettingsForm } from '../components/settings/settings-form';
import { ThemePicker } from '../components/settings/theme-picker';
import { InlineError } from '../components/common/inline-error';
import { TimeZoneToggle } from '../components/common/time-zone-toggle';
import { useStore } from '../store/store';

export function SettingsView() {
  const settingsError = useStore((s) => s.settingsError);
  return (
    <div className="page">
      <div className="page-inner settings">
        <div className="page-header">
          <h1>Settings</h1>
        </div>
        {settingsError && <InlineError error={settingsError} />}
        <section className="card">
          <div className="card-header">
            <h2>Appearance</h2>
            <ThemePicker />
          </div>
          <div className="card-header card-header-last">
            <div>
              <h2 id="times-heading">Times</h2>
              <p className="muted small-print">
                Absolute times beside every offset, with milliseconds; copies and reports are always in UTC.
              </p>
            </div>
            <TimeZoneToggle />
          </div>
        </section>
        <section className="card">
          <div className="card-header">
            <h2>Queries</h2>
          </div>
          <div className="card-body">
            <SettingsForm />
          </div>
        </section>
        <section className="card">
          <div className="card-header">
            <h2>Cache</h2>
          </div>
          <div className="card-body">
            <CachePanel />
          </div>
        </section>
        <section className="card">
          <div className="card-header">
            <h2>Open replays in orcw (bookmarklet)</h2>
          </div>
          <div className="card-body">
            <BookmarkletPanel />
          </div>
        </section>
      </div>
    </div>
  );
}
