import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { listKey, registerListNav } from '../lib/list-nav';

export interface ListSelection {
  active: number;
  setActive(index: number): void;
  onKeyDown(event: KeyboardEvent): void;
}

/**
 * Keyboard selection for a list: j/k/arrows move, Enter opens. With `primary`, the keys also work
 * while nothing is focused (the view's main list).
 */
export function useListSelection(count: number, open: (index: number) => void, primary = false): ListSelection {
  const [active, setActiveState] = useState(0);
  const state = useRef({ active, count, open });
  state.current = { active, count, open };

  const setActive = useCallback((index: number) => {
    const max = state.current.count - 1;
    setActiveState(Math.max(0, Math.min(max, index)));
  }, []);

  useEffect(() => {
    if (active > count - 1 && count > 0) setActiveState(count - 1);
  }, [active, count]);

  const move = useCallback((delta: number) => setActive(state.current.active + delta), [setActive]);
  const openActive = useCallback(() => {
    if (state.current.count > 0) state.current.open(state.current.active);
  }, []);

  useEffect(() => (primary ? registerListNav({ move, open: openActive }) : undefined), [primary, move, openActive]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      const action = listKey(event);
      if (action === undefined) return;
      event.preventDefault();
      if (action === 'open') openActive();
      else move(action);
    },
    [move, openActive],
  );

  return { active, setActive, onKeyDown };
}
