import { ErrorBoundary } from './components/common/error-boundary';
import { DropOverlay } from './components/shell/drop-overlay';
import { NavRail } from './components/shell/nav-rail';
import { HostConfirmDialog } from './components/shell/host-confirm-dialog';
import { LinkPreviewDialog } from './components/shell/link-preview-dialog';
import { Notices } from './components/shell/notices';
import { OfflineBanner } from './components/shell/offline-banner';
import { MAIN_ID, SkipLinks } from './components/shell/skip-links';
import { TopBar } from './components/shell/top-bar';
import { useBootstrap } from './hooks/use-bootstrap';
import { useBridgeEvents } from './hooks/use-bridge-events';
import { useFileDrop } from './hooks/use-file-drop';
import { useShortcuts } from './hooks/use-shortcuts';
import { useTheme } from './hooks/use-theme';
import { useStore } from './store/store';
import { ConnectionsView } from './views/connections-view';
import { HomeView } from './views/home-view';
import { SearchView } from './views/search-view';
import { SessionView } from './views/session-view';
import { SettingsView } from './views/settings-view';
import { SetupView } from './views/setup-view';

const views = {
  home: HomeView,
  session: SessionView,
  search: SearchView,
  connections: ConnectionsView,
  settings: SettingsView,
  setup: SetupView,
} as const;

const areas = {
  home: 'session list',
  session: 'session view',
  search: 'search',
  connections: 'connections page',
  settings: 'settings page',
  setup: 'setup',
} as const;

export function App() {
  useBootstrap();
  useBridgeEvents();
  useShortcuts();
  useTheme();
  const dragging = useFileDrop();
  const route = useStore((s) => s.route);
  const View = views[route];
  return (
    <div className="app" data-route={route}>
      <SkipLinks />
      <NavRail />
      <TopBar />
      <div className="banner-area">
        <OfflineBanner />
      </div>
      <main className="main" id={MAIN_ID} tabIndex={-1}>
        <ErrorBoundary area={areas[route]} resetKey={route}>
          <View />
        </ErrorBoundary>
      </main>
      <Notices />
      <LinkPreviewDialog />
      <HostConfirmDialog />
      <DropOverlay shown={dragging} />
    </div>
  );
}
