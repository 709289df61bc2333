import { useMemo } from 'react';
import type { LogEvent } from '../../../../shared/domain/correlation';
import { splitStack } from '../../lib/stack';
import { JsonTree } from './json-tree';
import { StackFrames } from './stack-frames';

/** JSON messages as a foldable tree; text with a stack trace as headline, frames, rest. */
export function MessageBody({ event }: { event: LogEvent }) {
  const split = useMemo(() => (event.json ? null : splitStack(event.message)), [event]);
  if (event.json) {
    const stackText = typeof event.json.stack === 'string' ? event.json.stack : undefined;
    return (
      <>
        <JsonTree value={event.json} />
        {stackText && <StackFrames frames={splitStack(stackText).frames} />}
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
