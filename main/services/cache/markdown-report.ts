import type { ContextLine, CorrelationResult, ErrorGroup, LogEvent } from '../../../shared/domain/correlation';
import { escapeInline, fenced, inlineCode as code } from '../../../shared/format/markdown';
import { formatBytes, formatDuration } from '../../../shared/format/quantities';
import { formatOffset, formatTimestamp } from '../../../shared/time/format-time';

/**
 * Renders a run as a Markdown report for pasting into an issue tracker (GitHub, GitLab, Jira's
 * Markdown): session, replay link, window, what was scanned and what it cost, every error group
 * with its stack trace and context lines, and which connections failed. Pure: no I/O, no clock.
 */
export interface MarkdownReportOptions {
  /** When the run was cached, if it came from the cache. */
  cachedAt?: number;
}

/** Long single lines (minified JSON, base64) are cut in context blocks; the report stays readable. */
const MAX_LINE = 1_000;

/** Reports are read in other zones than where they were made: every time is UTC, and says so. */
function iso(ms: number): string {
  return formatTimestamp(ms, 'utc');
}

function clip(line: string): string {
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}… (${line.length - MAX_LINE} more characters)` : line;
}

function contextBlock(group: ErrorGroup, sample: LogEvent | undefined): string | null {
  const line = (l: ContextLine, mark: string) => `${mark} ${iso(l.timestamp)}  ${clip(l.message)}`;
  const rows = [
    ...group.contextBefore.map((l) => line(l, ' ')),
    ...(sample ? [line(sample, '▶')] : []),
    ...group.contextAfter.map((l) => line(l, ' ')),
  ];
  return rows.length > 1 || (rows.length === 1 && !sample) ? fenced(rows.join('\n')) : null;
}

function groupSection(group: ErrorGroup, index: number, sample: LogEvent | undefined): string {
  const parts = [
    `### ${index + 1}. ${escapeInline(group.title)} — ${group.count}×`,
    '',
    `- **Level:** ${group.level} · **Type:** ${code(group.type)} · **Fingerprint:** ${code(group.fingerprint)}`,
    `- **First seen:** ${iso(group.firstSeen)} (${formatOffset(group.firstOffsetMs)} into the session) · **Last seen:** ${iso(group.lastSeen)}`,
    `- **Source:** ${escapeInline(group.connection)} · ${code(group.logGroup)} · ${code(group.logStream)}`,
  ];
  if (group.replayUrl) parts.push(`- **Replay at first occurrence:** <${group.replayUrl}>`);
  if (group.stack) parts.push('', '**Stack trace**', '', fenced(group.stack));
  else if (group.frames.length > 0) parts.push('', '**Frames**', '', fenced(group.frames.join('\n')));
  const context = contextBlock(group, sample);
  if (context) parts.push('', '**Context** (▶ marks the sample occurrence)', '', context);
  return parts.join('\n');
}

/**
 * What the report needs of a run: its header and groups, how many events of each level, and the
 * sample event of each group — not the events themselves, so a big run renders from the cache.
 */
export interface ReportSource extends Omit<CorrelationResult, 'events'> {
  eventCount: number;
  levels: readonly (readonly [string, number])[];
  sampleOf(eventId: string): LogEvent | undefined;
}

/** A whole run (held in memory) as a report source. */
export function reportFromResult(result: CorrelationResult): ReportSource {
  const levels = new Map<string, number>();
  for (const event of result.events) levels.set(event.level, (levels.get(event.level) ?? 0) + 1);
  const byId = new Map(result.events.map((e) => [e.id, e]));
  const { events, ...header } = result;
  return { ...header, eventCount: events.length, levels: [...levels], sampleOf: (id) => byId.get(id) };
}

export function renderMarkdownReport(input: ReportSource | CorrelationResult, options: MarkdownReportOptions = {}): string {
  const result = 'events' in input ? reportFromResult(input) : input;
  const { session, stats, window } = result;
  const levelText = [...result.levels]
    .sort((a, b) => b[1] - a[1])
    .map(([level, n]) => `${n} ${level}`)
    .join(', ');
  const failed = result.failures.length;
  const lines = [
    `# Backend logs for OpenReplay session ${session.id}`,
    '',
    `- **Session:** ${code(session.id)}${session.token ? ` (token ${code(session.token)})` : ''}`,
    ...(session.replayUrl ? [`- **Replay:** <${session.replayUrl}>`] : []),
    `- **Session time:** ${iso(session.start)} → ${iso(session.end)} (${formatDuration(session.end - session.start)})`,
    `- **Query window:** ${iso(window.from)} → ${iso(window.to)}`,
    `- **Ran at:** ${iso(result.ranAt)}${options.cachedAt !== undefined ? ` · **cached:** ${iso(options.cachedAt)}` : ''}`,
    `- **Result:** ${result.complete ? 'complete' : `**incomplete**${failed ? ` — ${failed} connection${failed === 1 ? '' : 's'} failed` : ''}`}`,
    `- **Scanned:** ${formatBytes(stats.bytesScanned)} (${stats.recordsScanned.toLocaleString('en-US')} records) in ${stats.queries} quer${stats.queries === 1 ? 'y' : 'ies'} · **estimated cost:** $${stats.costUsd.toFixed(4)}`,
    `- **Matched:** ${result.eventCount.toLocaleString('en-US')} events${levelText ? ` (${levelText})` : ''}`,
    `- **Connections:** ${result.connections.map((c) => `${escapeInline(c.name)} (${c.logGroups.map(code).join(', ') || 'no log groups'})`).join('; ') || 'none'}`,
    '',
    `## Error groups (${result.groups.length})`,
    '',
  ];
  if (result.groups.length === 0) lines.push('No errors were found in this window.', '');
  result.groups.forEach((group, i) => lines.push(groupSection(group, i, result.sampleOf(group.sampleEventId)), ''));
  lines.push('## Failures', '');
  if (failed === 0) lines.push('None: every connection answered.', '');
  for (const f of result.failures) {
    const groups = f.logGroups.length ? ` (${f.logGroups.map(code).join(', ')})` : '';
    lines.push(`- **${escapeInline(f.connection)}**${groups}: ${code(f.code)} — ${escapeInline(f.message)} _${escapeInline(f.hint)}_`);
  }
  if (failed > 0) lines.push('');
  lines.push('_Report generated by orcw._', '');
  return lines.join('\n');
}
