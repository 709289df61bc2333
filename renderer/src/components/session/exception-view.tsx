import type { ExceptionRelation, ParsedException } from '../../../../shared/domain/log-parts';
import { StackFrames } from './stack-frames';

const RELATION_LABEL: Record<ExceptionRelation, string> = {
  cause: 'Caused by',
  context: 'While handling',
  suppressed: 'Suppressed',
  inner: 'Inner exception',
  member: 'Group member',
};

/** An exception as main parsed it: type and message, its frames, then its causes, each the same way. */
export function ExceptionView({ exception, depth = 0 }: { exception: ParsedException; depth?: number }) {
  return (
    <section
      className={depth === 0 ? 'exception' : 'exception exception-nested'}
      data-testid={depth === 0 ? 'exception' : 'exception-cause'}
    >
      <pre className="message-text message-head" data-testid="exception-head">
        {exception.relation && <span className="exception-relation">{RELATION_LABEL[exception.relation]}: </span>}
        {exception.message === '' ? exception.type : `${exception.type}: ${exception.message}`}
      </pre>
      {exception.frames.length > 0 && <StackFrames frames={exception.frames} />}
      {exception.omittedFrames !== undefined && <p className="faint exception-omitted">… {exception.omittedFrames} more frames</p>}
      {exception.causes?.map((cause, i) => (
        <ExceptionView key={i} exception={cause} depth={depth + 1} />
      ))}
    </section>
  );
}
