import type { Route } from '../../store/nav-slice';
import { useStore } from '../../store/store';
import { Icon, type IconName } from '../common/icons';

interface Item {
  route: Route;
  label: string;
  icon: IconName;
  title: string;
}

const items: Item[] = [
  { route: 'home', label: 'Sessions', icon: 'database', title: 'Open a session, recent sessions' },
  { route: 'session', label: 'Session', icon: 'session', title: 'The open session' },
  { route: 'search', label: 'Search', icon: 'search', title: 'Search all cached sessions (Ctrl+Shift+F)' },
  { route: 'connections', label: 'Connect', icon: 'plug', title: 'CloudWatch connections' },
  { route: 'settings', label: 'Settings', icon: 'gear', title: 'Settings and cache' },
];

export function NavRail() {
  const route = useStore((s) => s.route);
  const navigate = useStore((s) => s.navigate);
  const hasSession = useStore((s) => s.response !== null || s.run !== null || s.sessionError !== null);
  const current = route === 'setup' ? 'connections' : route;
  const version = useStore((s) => s.appVersion);
  return (
    <nav className="nav-rail" aria-label="Main">
      <div className="brand" aria-hidden="true">
        or<span>cw</span>
      </div>
      {items
        .filter((item) => item.route !== 'session' || hasSession)
        .map((item) => (
          <button
            key={item.route}
            type="button"
            className="nav-item"
            aria-current={current === item.route ? 'page' : undefined}
            title={item.title}
            onClick={() => navigate(item.route)}
            data-testid={`nav-${item.route}`}
          >
            <Icon name={item.icon} size={18} />
            <span>{item.label}</span>
          </button>
        ))}
      <div className="rail-version faint" data-testid="version" title="orcw version">
        {version}
      </div>
    </nav>
  );
}
