import { ErrorBoundary } from './components/common/error-boundary';
import { NavRail } from './components/shell/nav-rail';
import { HostConfirmDialog } from './components/shell/host-confirm-dialog';
import { LinkPreviewDialog } from './components/shell/link-preview-dialog';
import { Notices } from './components/shell/notices';
import { OfflineBanner } from './components/shell/offline-banner';
import { TopBar } from './components/shell/top-bar';
import { useBootstrap } from './hooks/use-bootstrap';
import { useBridgeEvents } from './hooks/use-bridge-events';
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
  const route = useStore((s) => s.route);
  const View = views[route];
  return (
    <div className="app" data-route={route}>
      <NavRail />
      <TopBar />
      <div className="banner-area">
        <OfflineBanner />
      </div>
      <main className="main">
        <ErrorBoundary area={areas[route]} resetKey={route}>
          <View />
        </ErrorBoundary>
      </main>
      <Notices />
      <LinkPreviewDialog />
      <HostConfirmDialog />
    </div>
  );
}
