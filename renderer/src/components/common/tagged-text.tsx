import { Fragment } from 'react';
import { sessionTagSpans } from '../../../../shared/session/session-tags';

/**
 * A raw line as logged, its session tags dimmed: the tag is how the line was found, not what it
 * says. Only the display changes — the text (and what Copy and exports write) keeps every character.
 */
export function TaggedText({ text }: { text: string }) {
  const spans = sessionTagSpans(text);
  if (spans.length === 0) return <>{text}</>;
  const parts = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (start > at) parts.push(<Fragment key={`t${at}`}>{text.slice(at, start)}</Fragment>);
    parts.push(
      <span key={`s${start}`} className="session-tag" data-testid="session-tag">
        {text.slice(start, end)}
      </span>,
    );
    at = end;
  }
  if (at < text.length) parts.push(<Fragment key={`t${at}`}>{text.slice(at)}</Fragment>);
  return <>{parts}</>;
}
