import type { LogEvent } from '../../../../shared/domain/correlation';
import { TaggedText } from '../common/tagged-text';

/**
 * The group's sample line exactly as CloudWatch returned it (envelope, escapes, tag and all): what
 * the parsed exception above was read from, to check it against or search for elsewhere.
 */
export function SampleMessage({ event }: { event: LogEvent }) {
  return (
    <details className="message-raw" open data-testid="sample-message">
      <summary className="faint">Sample line as logged ({event.logStream})</summary>
      <pre className="message-text" data-testid="sample-message-text">
        <TaggedText text={event.message} />
      </pre>
    </details>
  );
}
