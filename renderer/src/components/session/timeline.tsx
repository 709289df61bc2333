import { memo, type KeyboardEvent } from 'react';
import type { ErrorGroup } from '../../../../shared/domain/correlation';
import type { EventFilter, RunRef } from '../../../../shared/domain/session-view';
import { useElementWidth } from '../../hooks/use-element-width';
import { useTimelineBins } from '../../hooks/use-session-data';
import { useTimeFormat } from '../../hooks/use-time-format';
import type { Domain } from '../../lib/binning';
import { formatOffset, plural } from '../../lib/format';
import { useStore } from '../../store/store';
import { TimelineAxis } from './timeline-axis';

const HEIGHT = 44;
const BAR_PX = 6;

interface Props {
  run: RunRef | undefined;
  /** The list's filter: the bars count what it shows, every bin of it (its own bin aside). */
  filter: EventFilter;
  domain: Domain;
  group: ErrorGroup | undefined;
  sessionStart: number;
}

/** Events binned over the session (counted by main); errors in red; clicking a bin filters the list to it. */
export const Timeline = memo(function Timeline({ run, filter, domain, group, sessionStart }: Props) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const time = useTimeFormat();
  const at = (offset: number) => `${formatOffset(offset)} (${time.clockFrom(sessionStart + offset, sessionStart)})`;
  const binFilter = useStore((s) => s.filter.bin);
  const setFilter = useStore((s) => s.setFilter);
  const count = Math.max(12, Math.min(240, Math.floor(width / BAR_PX)));
  // Nothing is drawn before the first measurement: do not bin for a width of 0.
  const counted = useTimelineBins(run, filter, domain, width > 0 ? count : 0);
  // Bars counted for another width are not drawn: a bar must stand for the bin it filters to.
  const bins = counted.length === count ? counted : [];
  const total = bins.reduce((n, bin) => n + bin.total, 0);
  const max = Math.max(1, ...bins.map((b) => b.total));
  const selected =
    binFilter && binFilter.count === count && binFilter.domain.fromMs === domain.fromMs && binFilter.domain.toMs === domain.toMs
      ? binFilter.index
      : undefined;
  const barWidth = width / count;
  const span = domain.toMs - domain.fromMs;
  const x = (offset: number) => ((offset - domain.fromMs) / span) * width;

  const select = (index: number | undefined) => {
    if (index === undefined || index === selected) setFilter({ bin: undefined });
    else setFilter({ bin: { domain, count, index } });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const step = event.key === 'ArrowLeft' ? -1 : 1;
    const withEvents = bins.filter((b) => b.total > 0).map((b) => b.index);
    if (withEvents.length === 0) return;
    const from = selected ?? (step > 0 ? -1 : count);
    const next = step > 0 ? withEvents.find((i) => i > from) : withEvents.findLast((i) => i < from);
    if (next !== undefined) select(next);
  };

  return (
    <div className="timeline" data-testid="timeline">
      <div
        className="timeline-plot"
        ref={ref}
        tabIndex={0}
        role="group"
        aria-label={`Timeline of ${plural(total, 'event')}; left and right arrows select a time slice`}
        onKeyDown={onKeyDown}
        data-keynav
      >
        {width > 0 && (
          <svg width={width} height={HEIGHT} className="timeline-svg">
            {domain.fromMs < 0 && <line className="timeline-start" x1={x(0)} x2={x(0)} y1={0} y2={HEIGHT} />}
            {bins.map((bin) => {
              const h = bin.total === 0 ? 0 : Math.max(2, (bin.total / max) * (HEIGHT - 8));
              const eh = bin.errors === 0 ? 0 : Math.max(2, (bin.errors / max) * (HEIGHT - 8));
              return (
                <g
                  key={bin.index}
                  className={`timeline-bin${bin.index === selected ? ' is-selected' : ''}`}
                  onClick={() => select(bin.index)}
                  data-testid="timeline-bin"
                  data-total={bin.total}
                  data-errors={bin.errors}
                >
                  <title>{`${at(bin.fromMs)} – ${at(bin.toMs)}: ${plural(bin.total, 'event')}, ${plural(bin.errors, 'error')}`}</title>
                  <rect className="timeline-hit" x={bin.index * barWidth} width={barWidth} y={0} height={HEIGHT} />
                  {h > 0 && (
                    <rect
                      className="timeline-bar"
                      x={bin.index * barWidth + 0.5}
                      width={Math.max(1, barWidth - 1)}
                      y={HEIGHT - h}
                      height={h - eh}
                    />
                  )}
                  {eh > 0 && (
                    <rect
                      className="timeline-error"
                      x={bin.index * barWidth + 0.5}
                      width={Math.max(1, barWidth - 1)}
                      y={HEIGHT - eh}
                      height={eh}
                    />
                  )}
                </g>
              );
            })}
            {group?.offsetsMs.map((offset, i) => (
              <line key={i} className="timeline-mark" x1={x(offset)} x2={x(offset)} y1={0} y2={5} />
            ))}
          </svg>
        )}
      </div>
      <TimelineAxis domain={domain} width={width} sessionStart={sessionStart} time={time} />
    </div>
  );
});
