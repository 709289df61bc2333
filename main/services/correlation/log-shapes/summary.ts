import type { LogEvent } from '../../../../shared/domain/correlation';
import type { ParsedException } from '../../../../shared/domain/log-parts';
import { messageFromJson, type JsonObject } from './json-record';
import { removeSessionTags } from '../../../../shared/session/session-tags';
import { firstLine } from './text';

/** Longer than any list row shows; the full text is in the message. */
export const MAX_SUMMARY = 500;

// First lines that say only that a trace follows: the exception says more.
const BARE_TRACE_START_RE = /^(?:Traceback \(most recent call last\):|goroutine \d+ \[[^\]]*\]:)\s*$/;

type Summary = Pick<LogEvent, 'summary' | 'summarySpan'>;

/**
 * One line for lists: the record's own message (a JSON line's `msg`, with its exception; a text
 * line's first line, or the exception when that line only announces a trace), session tags
 * removed. Returned as a span of the message when it is one, so the text is not sent twice.
 */
export function summarise(message: string, body: string, record: JsonObject | undefined, exception: ParsedException | undefined): Summary {
  const text = clip(removeSessionTags(summaryText(body, record, exception)).trim());
  if (text === message) return {};
  const start = message.indexOf(text);
  if (start !== -1 && text !== '') return { summarySpan: [start, start + text.length] };
  return { summary: text };
}

function summaryText(body: string, record: JsonObject | undefined, exception: ParsedException | undefined): string {
  const header =
    exception && exception.type !== ''
      ? exception.message === ''
        ? exception.type
        : `${exception.type}: ${exception.message}`
      : undefined;
  if (record) {
    const message = messageFromJson(record);
    if (message === undefined) return header ?? firstLine(body);
    const line = firstLine(message);
    if (header === undefined) return line;
    // The record's message is the exception's own (AWS Lambda's `errorMessage`): the exception says it whole.
    if (exception !== undefined && removeSessionTags(line) === removeSessionTags(firstLine(exception.message))) return firstLine(header);
    return line.includes(exception?.message || header) ? line : `${line} — ${firstLine(header)}`;
  }
  const line = firstLine(body);
  return header !== undefined && BARE_TRACE_START_RE.test(line) ? firstLine(header) : line;
}

function clip(text: string): string {
  return text.length <= MAX_SUMMARY ? text : `${text.slice(0, MAX_SUMMARY - 1)}…`;
}
