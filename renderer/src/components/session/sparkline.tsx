import { memo } from 'react';
import { sparklineCounts, type Domain } from '../../lib/binning';

const BUCKETS = 24;
const WIDTH = 72;
const HEIGHT = 18;

/** Occurrences of one error group over the session, on the same domain as the timeline. */
export const Sparkline = memo(function Sparkline({ offsetsMs, domain }: { offsetsMs: readonly number[]; domain: Domain }) {
  const counts = sparklineCounts(offsetsMs, domain, BUCKETS);
  const max = Math.max(1, ...counts);
  const barWidth = WIDTH / BUCKETS;
  return (
    <svg className="sparkline" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true">
      <line x1="0" x2={WIDTH} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} className="sparkline-base" />
      {counts.map((count, i) =>
        count === 0 ? null : (
          <rect
            key={i}
            x={i * barWidth + 0.5}
            width={barWidth - 1}
            y={HEIGHT - 1 - Math.max(2, (count / max) * (HEIGHT - 2))}
            height={Math.max(2, (count / max) * (HEIGHT - 2))}
            rx="0.5"
          />
        ),
      )}
    </svg>
  );
});
