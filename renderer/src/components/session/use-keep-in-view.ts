import { useEffect, type RefObject } from 'react';

interface Scroller {
  scrollToIndex(index: number, options: { align: 'auto' }): void;
}

/**
 * A list that gets shorter (the detail pane opens below it, the divider moves, the window
 * shrinks) keeps its selected row on screen instead of leaving it behind the pane.
 */
export function useKeepInView(scrollRef: RefObject<HTMLElement | null>, selectedIndex: number, list: Scroller): void {
  useEffect(() => {
    const element = scrollRef.current;
    if (!element || selectedIndex < 0) return;
    let height = element.clientHeight;
    const observer = new ResizeObserver(() => {
      if (element.clientHeight === height) return;
      height = element.clientHeight;
      list.scrollToIndex(selectedIndex, { align: 'auto' });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [scrollRef, selectedIndex, list]);
}
