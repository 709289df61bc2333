import type { TimeFormat } from '../../hooks/use-time-format';
import type { Domain } from '../../lib/binning';
import { formatOffset } from '../../lib/format';
import { offsetTicks } from '../../lib/time-ticks';

/** Wide enough for two labels (`+1:05:00`, `04:32:39.324`) side by side with air between. */
const MIN_GAP_PX = 110;
/** Half a label: a tick nearer the edge would push its centred label out of the axis. */
const EDGE_PX = 44;
/** Room at the left for the zone label. */
const ZONE_PX = 76;

/**
 * Ticks at round offsets, each labelled with the offset and the clock time it stands for; the
 * zone is named once at the left.
 */
export function TimelineAxis({
  domain,
  width,
  sessionStart,
  time,
}: {
  domain: Domain;
  width: number;
  sessionStart: number;
  time: TimeFormat;
}) {
  const { stepMs, ticks } = offsetTicks(domain, width, MIN_GAP_PX, EDGE_PX);
  const shown = ticks.filter((tick) => tick.x >= ZONE_PX + EDGE_PX);
  return (
    <div className="timeline-axis num" data-testid="timeline-axis" data-step-ms={stepMs}>
      <span className="timeline-zone" data-testid="timeline-zone">
        {time.label(sessionStart)}
      </span>
      {shown.map((tick) => (
        <span
          key={tick.offsetMs}
          className="timeline-tick"
          style={{ left: tick.x }}
          data-testid="timeline-tick"
          data-offset-ms={tick.offsetMs}
        >
          <span className="timeline-tick-offset">{formatOffset(tick.offsetMs, stepMs < 1000)}</span>
          <span className="timeline-tick-time">{time.clockFrom(sessionStart + tick.offsetMs, sessionStart)}</span>
        </span>
      ))}
    </div>
  );
}
