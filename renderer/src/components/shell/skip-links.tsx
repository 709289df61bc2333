import type { MouseEvent } from 'react';
import { useStore } from '../../store/store';

export const ERROR_GROUPS_ID = 'error-groups-list';
export const EVENT_LIST_ID = 'event-list';
const MAIN_ID = 'main-content';

/**
 * The first stops of the Tab order, shown only when focused: straight to the error groups or the
 * event list of the open session (past the top bar, the header and its actions), or to the page.
 * They move focus themselves: the renderer never navigates, not even to a #fragment.
 */
export function SkipLinks() {
  const inSession = useStore((s) => s.route === 'session' && s.response !== null);
  const skip = (id: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const target = document.getElementById(id) ?? document.getElementById(MAIN_ID);
    target?.focus();
  };
  return (
    <nav className="skip-links" aria-label="Skip links">
      {inSession ? (
        <>
          <a href={`#${ERROR_GROUPS_ID}`} className="skip-link" onClick={skip(ERROR_GROUPS_ID)} data-testid="skip-to-groups">
            Skip to error groups
          </a>
          <a href={`#${EVENT_LIST_ID}`} className="skip-link" onClick={skip(EVENT_LIST_ID)} data-testid="skip-to-events">
            Skip to events
          </a>
        </>
      ) : (
        <a href={`#${MAIN_ID}`} className="skip-link" onClick={skip(MAIN_ID)} data-testid="skip-to-main">
          Skip to content
        </a>
      )}
    </nav>
  );
}

export { MAIN_ID };
