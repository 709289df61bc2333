import { useTimeFormat } from '../../hooks/use-time-format';
import type { ContextRowData } from '../../lib/context';
import { formatOffset } from '../../lib/format';
import { TaggedText } from '../common/tagged-text';

/** Lines logged around an error in the same stream, the error itself highlighted; times as in the event list. */
export function ContextLines({ rows, caption, sessionStart }: { rows: readonly ContextRowData[]; caption: string; sessionStart: number }) {
  const time = useTimeFormat();
  if (rows.length <= 1) return null;
  return (
    <section className="context" data-testid="context-lines">
      <h3>
        {caption} <span className="context-zone">· {time.label(sessionStart)}</span>
      </h3>
      <ol className="context-lines mono">
        {rows.map((row, i) => (
          <li key={i} className={row.current ? 'is-current' : undefined} data-testid={row.current ? 'context-current' : 'context-line'}>
            <span className="context-offset num">{formatOffset(row.timestamp - sessionStart)}</span>
            <span className="context-time num">{time.clockFrom(row.timestamp, sessionStart)}</span>
            <span className="context-message">
              <TaggedText text={row.message} />
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
