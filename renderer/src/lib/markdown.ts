import type { ErrorGroup, LogEvent } from '../../../shared/domain/correlation';
import { escapeInline, fenced, inlineCode } from '../../../shared/format/markdown';
import { formatTimestamp } from '../../../shared/time/format-time';
import { formatOffset } from './format';
import { LEVEL_LABEL } from './levels';
import { messageJson } from './message-json';

function body(event: LogEvent): string {
  const json = messageJson(event);
  return json ? fenced(JSON.stringify(json, null, 2), 'json') : fenced(event.message, 'text');
}

export function eventToMarkdown(event: LogEvent, sessionId: string, replayUrl?: string): string {
  const lines = [
    `**${LEVEL_LABEL[event.level]}** \`${formatOffset(event.offsetMs)}\` · ${formatTimestamp(event.timestamp, 'utc')}`,
    '',
    `- Session: \`${sessionId}\``,
    `- Source: ${escapeInline(event.connection)} · ${inlineCode(event.logGroup)} · ${inlineCode(event.logStream)}`,
  ];
  if (replayUrl) lines.push(`- Replay at this moment: ${replayUrl}`);
  lines.push('', body(event));
  return lines.join('\n');
}

export function groupToMarkdown(group: ErrorGroup, sessionId: string, replayUrl?: string): string {
  const lines = [
    `### ${escapeInline(group.title)}`,
    '',
    `- Type: ${inlineCode(group.type)} · ${group.count}× · first at \`${formatOffset(group.firstOffsetMs)}\``,
    `- Session: \`${sessionId}\``,
    `- Source: ${escapeInline(group.connection)} · ${inlineCode(group.logGroup)}`,
  ];
  if (replayUrl) lines.push(`- Replay at first occurrence: ${replayUrl}`);
  if (group.stack) lines.push('', fenced(group.stack, 'text'));
  return lines.join('\n');
}

/** Plain text of one event, for "Copy event". */
export function eventToText(event: LogEvent): string {
  const json = messageJson(event);
  const message = json ? JSON.stringify(json, null, 2) : event.message;
  return `${formatTimestamp(event.timestamp, 'utc')} ${LEVEL_LABEL[event.level]} [${event.logGroup} ${event.logStream}] ${message}`;
}
