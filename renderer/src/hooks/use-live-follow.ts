import { useEffect } from 'react';
import { isEditable } from '../lib/list-nav';
import { useStore } from '../store/store';

/** Shift+L starts or stops following the open session (L for live). */
export const FOLLOW_SHORTCUT = 'Shift+L';

/**
 * While a session view is on screen: the follow shortcut works, and a follow never outlives the
 * view (Live Tail is billed per minute) — leaving it, or opening another session, stops it.
 */
export function useLiveFollow(sessionId: string): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'L' || !event.shiftKey || event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target)) return;
      event.preventDefault();
      const state = useStore.getState();
      if (state.live) void state.stopFollow();
      else void state.startFollow({ anyTime: true });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      const { live, stopFollow } = useStore.getState();
      if (live?.sessionId === sessionId) void stopFollow();
    };
  }, [sessionId]);
}
