import type { ContextRowData } from '../../lib/context';
import { formatClock } from '../../lib/format';

/** Lines logged around an error in the same stream, the error itself highlighted. */
export function ContextLines({ rows, caption }: { rows: readonly ContextRowData[]; caption: string }) {
  if (rows.length <= 1) return null;
  return (
    <section className="context" data-testid="context-lines">
      <h3>{caption}</h3>
      <ol className="context-lines mono">
        {rows.map((row, i) => (
          <li key={i} className={row.current ? 'is-current' : undefined} data-testid={row.current ? 'context-current' : 'context-line'}>
            <span className="context-time num">{formatClock(row.timestamp)}</span>
            <span className="context-message">{row.message}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
