import type { CorrelationResult, ErrorGroup } from '../../../shared/domain/correlation';
import type { ResponseMeta } from '../../../shared/domain/session-view';
import { formatOffset, formatTimestamp } from '../../../shared/time/format-time';
import { formatBytes } from '../../../shared/format/quantities';

const iso = (ms: number) => formatTimestamp(ms, 'utc');
const MAX_GROUPS = 20;

/** The readable summary `orcw correlate` and `orcw cache show` print: what a developer reads first. */
export function resultSummary(result: Omit<CorrelationResult, 'events'> & { eventCount: number }, meta: ResponseMeta): string {
  const { session, window, stats } = result;
  const lines = [
    `Session ${session.id}${session.token ? ` (token ${session.token.split('.')[0]}.…)` : ''}, started ${iso(session.start)}`,
    ...(session.replayUrl ? [`Replay:  ${session.replayUrl}`] : []),
    `Window:  ${iso(window.from)} → ${iso(window.to)}`,
    `Scanned: ${formatBytes(stats.bytesScanned)} in ${stats.queries} ${stats.queries === 1 ? 'query' : 'queries'}, ≈ $${stats.costUsd.toFixed(6)}; ${result.eventCount} events`,
  ];
  if (stats.rowsWithoutTimestamp)
    lines.push(
      `Left out: ${stats.rowsWithoutTimestamp} ${stats.rowsWithoutTimestamp === 1 ? 'line' : 'lines'} without a readable timestamp`,
    );
  if (meta.offline) lines.push(`Note:    ${meta.offline.message}`);
  else if (meta.source === 'cache' && meta.cachedAt !== undefined)
    lines.push(`Note:    cached ${iso(meta.cachedAt)} (run again with --refresh to query CloudWatch)`);
  lines.push('');
  if (result.groups.length === 0) lines.push('No errors in this session.');
  else {
    lines.push(`${result.groups.length} error ${result.groups.length === 1 ? 'group' : 'groups'}:`);
    result.groups.slice(0, MAX_GROUPS).forEach((group, i) => lines.push(...groupLines(group, i + 1)));
    if (result.groups.length > MAX_GROUPS) lines.push(`  … and ${result.groups.length - MAX_GROUPS} more (see --json or --markdown)`);
  }
  if (result.failures.length > 0) {
    lines.push('', `INCOMPLETE: ${result.failures.length} part(s) of the search failed:`);
    for (const failure of result.failures)
      lines.push(`  ! ${failure.connection}: ${failure.code}: ${failure.message}`, `    hint: ${failure.hint}`);
  }
  return lines.join('\n');
}

function groupLines(group: ErrorGroup, n: number): string[] {
  const out = [
    `  ${String(n).padStart(2)}. ×${group.count}  ${oneLine(group.title)}`,
    `      first ${formatOffset(group.firstOffsetMs)} (${iso(group.firstSeen)}) in ${group.connection} ${group.logGroup}`,
  ];
  const frame = group.frames[0];
  if (frame) out.push(`      at ${oneLine(frame)}`);
  if (group.replayUrl) out.push(`      replay: ${group.replayUrl}`);
  return out;
}

function oneLine(text: string): string {
  const line = text.replace(/\s*\r?\n\s*/g, ' ');
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}
