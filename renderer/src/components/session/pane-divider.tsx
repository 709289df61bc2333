import type { KeyboardEvent, PointerEvent } from 'react';
import { useMediaQuery } from '../../hooks/use-media-query';
import { DETAIL_SPLIT } from '../../store/display-slice';
import { useStore } from '../../store/store';

/** The width from which the detail pane sits beside the list instead of below it (session.css). */
export const SIDE_BY_SIDE = '(min-width: 1400px)';

/**
 * The line between the event list and the detail pane: dragged with the pointer or moved with the
 * arrow keys (Home/End: smallest/largest pane), it sets how much of the grid the details take.
 * A separator in ARIA terms, with its value, so a screen reader says where it is.
 */
export function PaneDivider() {
  const split = useStore((s) => s.detailSplit);
  const setSplit = useStore((s) => s.setDetailSplit);
  const beside = useMediaQuery(SIDE_BY_SIDE);

  const onKeyDown = (event: KeyboardEvent) => {
    const grow = beside ? 'ArrowLeft' : 'ArrowUp';
    const shrink = beside ? 'ArrowRight' : 'ArrowDown';
    if (event.key === grow) setSplit(split + DETAIL_SPLIT.step);
    else if (event.key === shrink) setSplit(split - DETAIL_SPLIT.step);
    else if (event.key === 'Home') setSplit(DETAIL_SPLIT.min);
    else if (event.key === 'End') setSplit(DETAIL_SPLIT.max);
    else return;
    event.preventDefault();
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const grid = event.currentTarget.parentElement;
    if (!grid || event.button !== 0) return;
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const move = (e: globalThis.PointerEvent) => {
      const box = grid.getBoundingClientRect();
      setSplit(beside ? ((box.right - e.clientX) / box.width) * 100 : ((box.bottom - e.clientY) / box.height) * 100);
    };
    const stop = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', stop);
      handle.removeEventListener('pointercancel', stop);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', stop);
    handle.addEventListener('pointercancel', stop);
  };

  return (
    <div
      className="pane-divider"
      role="separator"
      tabIndex={0}
      aria-orientation={beside ? 'vertical' : 'horizontal'}
      aria-label="Resize the details pane"
      aria-controls="event-detail"
      aria-valuenow={split}
      aria-valuemin={DETAIL_SPLIT.min}
      aria-valuemax={DETAIL_SPLIT.max}
      aria-valuetext={`Details take ${split} % of the view`}
      title={beside ? 'Drag, or focus and press ← →, to resize the details' : 'Drag, or focus and press ↑ ↓, to resize the details'}
      data-keynav
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      data-testid="pane-divider"
    />
  );
}
