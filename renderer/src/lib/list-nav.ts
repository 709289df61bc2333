/**
 * j/k, arrows and Enter reach the view's main list even when nothing is focused. The list that
 * is on screen registers itself; a list that has focus handles its own keys (marked data-keynav).
 */
export interface ListNav {
  move(delta: number): void;
  open(): void;
}

const stack: ListNav[] = [];

export function registerListNav(nav: ListNav): () => void {
  stack.push(nav);
  return () => {
    const i = stack.lastIndexOf(nav);
    if (i !== -1) stack.splice(i, 1);
  };
}

export function activeListNav(): ListNav | undefined {
  return stack[stack.length - 1];
}

/** Keys shared by every list: returns the move (+1/−1), 'open', or undefined when not a list key. */
export function listKey(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): number | 'open' | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  switch (event.key) {
    case 'j':
    case 'ArrowDown':
      return 1;
    case 'k':
    case 'ArrowUp':
      return -1;
    case 'PageDown':
      return 20;
    case 'PageUp':
      return -20;
    case 'Enter':
      return 'open';
    default:
      return undefined;
  }
}

export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
