import { useMemo } from 'react';
import type { LogEvent } from '../../../../shared/domain/correlation';
import { messageJson } from '../../lib/message-json';
import { TaggedText } from '../common/tagged-text';
import { ExceptionView } from './exception-view';
import { JsonTree } from './json-tree';

/** The exception main parsed (frames, causes) above the line itself: a foldable tree for JSON, else the text. */
export function MessageBody({ event }: { event: LogEvent }) {
  const json = useMemo(() => messageJson(event), [event]);
  const line = json ? (
    <JsonTree value={json} />
  ) : (
    <pre className="message-text" data-testid="message-text">
      <TaggedText text={event.message} />
    </pre>
  );
  if (!event.exception) return line;
  return (
    <>
      <ExceptionView exception={event.exception} />
      <details className="message-raw" open={json !== undefined}>
        <summary className="faint">{json ? 'Record' : 'As logged'}</summary>
        {line}
      </details>
    </>
  );
}
