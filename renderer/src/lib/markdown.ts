import type { ErrorGroup, LogEvent } from '../../../shared/domain/correlation';
import { formatTimestamp } from '../../../shared/time/format-time';
import { formatOffset } from './format';
import { LEVEL_LABEL } from './levels';

/** A fence longer than any backtick run in the text, so pasted code cannot close it early. */
function fence(text: string, lang = ''): string {
  const longest = Math.max(2, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${lang}\n${text}\n${ticks}`;
}

function body(event: LogEvent): string {
  return event.json ? fence(JSON.stringify(event.json, null, 2), 'json') : fence(event.message, 'text');
}

export function eventToMarkdown(event: LogEvent, sessionId: string, replayUrl?: string): string {
  const lines = [
    `**${LEVEL_LABEL[event.level]}** \`${formatOffset(event.offsetMs)}\` · ${formatTimestamp(event.timestamp, 'utc')}`,
    '',
    `- Session: \`${sessionId}\``,
    `- Source: ${event.connection} · \`${event.logGroup}\` · \`${event.logStream}\``,
  ];
  if (replayUrl) lines.push(`- Replay at this moment: ${replayUrl}`);
  lines.push('', body(event));
  return lines.join('\n');
}

export function groupToMarkdown(group: ErrorGroup, sessionId: string, replayUrl?: string): string {
  const lines = [
    `### ${group.title}`,
    '',
    `- Type: \`${group.type}\` · ${group.count}× · first at \`${formatOffset(group.firstOffsetMs)}\``,
    `- Session: \`${sessionId}\``,
    `- Source: ${group.connection} · \`${group.logGroup}\``,
  ];
  if (replayUrl) lines.push(`- Replay at first occurrence: ${replayUrl}`);
  if (group.stack) lines.push('', fence(group.stack, 'text'));
  return lines.join('\n');
}

/** Plain text of one event, for "Copy event". */
export function eventToText(event: LogEvent): string {
  const message = event.json ? JSON.stringify(event.json, null, 2) : event.message;
  return `${formatTimestamp(event.timestamp, 'utc')} ${LEVEL_LABEL[event.level]} [${event.logGroup} ${event.logStream}] ${message}`;
}
