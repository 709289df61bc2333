import { useEffect } from 'react';
import { useStore } from '../store/store';

/**
 * A list pinned to its end follows new lines; one the user scrolled up keeps its place. Call it
 * with the list's scroll element and its row count.
 */
export function usePinnedToEnd(scroller: React.RefObject<HTMLElement | null>, count: number, scrollToEnd: () => void): void {
  const following = useStore((s) => s.live !== null);
  useEffect(() => {
    const element = scroller.current;
    if (!element || !following) return;
    const pinned = element.dataset.pinned !== 'false';
    if (pinned) scrollToEnd();
  }, [count, following, scroller, scrollToEnd]);
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    // At the end (within a row) counts as pinned; any scroll away from it unpins.
    const onScroll = () => {
      element.dataset.pinned = String(element.scrollTop + element.clientHeight >= element.scrollHeight - 30);
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => element.removeEventListener('scroll', onScroll);
  }, [scroller]);
}
