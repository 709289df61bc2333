import { useEffect } from 'react';
import { activeListNav, isEditable, listKey } from '../lib/list-nav';
import { useStore } from '../store/store';

export const REFERENCE_INPUT_ID = 'reference-input';
export const EVENT_FILTER_ID = 'event-filter-text';
export const SEARCH_INPUT_ID = 'search-input';

function focusById(id: string): void {
  // After a navigation the target mounts on the next frame.
  requestAnimationFrame(() => {
    const element = document.getElementById(id);
    if (element instanceof HTMLInputElement) {
      element.focus();
      element.select();
    }
  });
}

/** App-wide keys: Ctrl/Cmd+L input, Ctrl/Cmd+F search or filter, Esc cancel, j/k/arrows/Enter lists. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const state = useStore.getState();
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && !event.altKey && key === 'l') {
        event.preventDefault();
        focusById(REFERENCE_INPUT_ID);
        return;
      }
      if (mod && !event.altKey && key === 'f') {
        event.preventDefault();
        if (state.route === 'session' && state.response && !event.shiftKey) focusById(EVENT_FILTER_ID);
        else {
          state.navigate('search');
          focusById(SEARCH_INPUT_ID);
        }
        return;
      }
      if (event.key === 'Escape') {
        if (state.run) {
          event.preventDefault();
          void state.cancelRun();
        } else if (isEditable(event.target)) {
          (event.target as HTMLElement).blur();
        } else if (state.route === 'session') {
          if (state.selectedEventId) state.selectEvent(null);
          else state.clearFilter();
        }
        return;
      }
      if (event.defaultPrevented || isEditable(event.target)) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target?.closest('[data-keynav]')) return;
      if (event.key === 'Enter' && target?.closest('button, a, summary')) return;
      const action = listKey(event);
      const nav = activeListNav();
      if (action === undefined || !nav) return;
      event.preventDefault();
      if (action === 'open') nav.open();
      else nav.move(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
