import { useMemo } from 'react';
import type { LogEvent } from '../../../../shared/domain/correlation';
import { jsonStack } from '../../lib/json-message';
import { splitStack } from '../../lib/stack';
import { JsonTree } from './json-tree';
import { StackFrames } from './stack-frames';

/** JSON messages as a foldable tree; text with a stack trace as headline, frames, rest. */
export function MessageBody({ event }: { event: LogEvent }) {
  const split = useMemo(() => (event.json ? null : splitStack(event.message)), [event]);
  if (event.json) {
    const stack = jsonStack(event.json);
    return (
      <>
        {stack && (
          <section className="json-stack">
            {(stack.tail || stack.head) && <pre className="message-text message-head">{stack.tail || stack.head}</pre>}
            <StackFrames frames={stack.frames} />
          </section>
        )}
        <JsonTree value={event.json} />
      </>
    );
  }
  if (!split || split.frames.length === 0) return <pre className="message-text" data-testid="message-text">{event.message}</pre>;
  return (
    <>
      {split.head && <pre className="message-text message-head" data-testid="message-text">{split.head}</pre>}
      <StackFrames frames={split.frames} />
      {split.tail && <pre className="message-text">{split.tail}</pre>}
    </>
  );
}
