import { describe, expect, it } from 'vitest';
import type { CorrelationResult, ErrorGroup } from '../../../shared/domain/correlation';
import { renderMarkdownReport } from '../../../main/services/cache/markdown-report';
import { formatBytes } from '../../../shared/format/quantities';
import { escapeInline, fenced } from '../../../shared/format/markdown';
import { formatOffset } from '../../../shared/time/format-time';
import { makeCorrelationResult } from '../../support/cache-fixtures/correlation-results';

function withGroup(result: CorrelationResult, patch: Partial<ErrorGroup>): CorrelationResult {
  const group = result.groups[0] as ErrorGroup;
  return { ...result, groups: [{ ...group, ...patch }, ...result.groups.slice(1)] };
}

/** The report's time format, from Date's own ISO form: `2024-01-02 03:04:05.000 UTC`. */
const utc = (ms: number) => `${new Date(ms).toISOString().replace('T', ' ').replace('Z', '')} UTC`;

describe('renderMarkdownReport', () => {
  const result = makeCorrelationResult({ seed: 4, events: 400, failures: 1 });
  const group = result.groups[0] as ErrorGroup;

  it('has the session, replay link, window, scan statistics and completeness', () => {
    const md = renderMarkdownReport(result, { cachedAt: Date.UTC(2024, 0, 2, 3, 4, 5) });
    expect(md).toContain(`# Backend logs for OpenReplay session ${result.session.id}`);
    if (result.session.replayUrl) expect(md).toContain(`- **Replay:** <${result.session.replayUrl}>`);
    expect(md).toContain(`- **Query window:** ${utc(result.window.from)} → ${utc(result.window.to)}`);
    expect(md).toContain(formatBytes(result.stats.bytesScanned));
    expect(md).toContain(`$${result.stats.costUsd.toFixed(4)}`);
    expect(md).toContain('**cached:** 2024-01-02 03:04:05.000 UTC');
    expect(md).toContain('**incomplete** — 1 connection failed');
    expect(md).toContain('`AWS_ACCESS_DENIED`');
  });

  it('lists every error group with its count, stack trace and context around the sample', () => {
    const md = renderMarkdownReport(result);
    expect(md).toContain(`## Error groups (${result.groups.length})`);
    for (const g of result.groups) expect(md).toContain(`${escapeInline(g.title)} — ${g.count}×`);
    const withStack = result.groups.find((g) => g.stack);
    if (withStack?.stack) expect(md).toContain(withStack.stack);
    const sample = result.events.find((e) => e.id === group.sampleEventId);
    expect(md).toContain(`▶ ${utc(sample?.timestamp ?? 0)}`);
    for (const line of [...group.contextBefore, ...group.contextAfter]) expect(md).toContain(line.message.slice(0, 200));
  });

  it('says so when there are no errors and no failures', () => {
    const md = renderMarkdownReport({ ...result, groups: [], failures: [], complete: true });
    expect(md).toContain('No errors were found in this window.');
    expect(md).toContain('None: every connection answered.');
    expect(md).toContain('- **Result:** complete');
  });

  it('keeps log content from turning into Markdown or HTML', () => {
    const md = renderMarkdownReport(
      withGroup(result, {
        title: '<img src=x onerror=alert(1)> **bold** [link](http://evil) | pipe',
        stack: 'Error: boom\n```\n# not a heading\n````',
      }),
    );
    expect(md).toContain('&lt;img src=x onerror=alert(1)\\> \\*\\*bold\\*\\* \\[link\\](http://evil) \\| pipe');
    expect(md).not.toContain('<img');
    expect(md).toContain('`````text\nError: boom\n```\n# not a heading\n````\n`````');
  });

  it('formats offsets, sizes and fences', () => {
    expect(formatOffset(-295_895)).toBe('−4:55.895');
    expect(formatOffset(61_001)).toBe('+1:01.001');
    expect(formatBytes(999)).toBe('999 B');
    // One size format everywhere (shared/format/quantities.ts): binary multiples, 3 significant digits.
    expect(formatBytes(1_234_567_890)).toBe('1.15 GB');
    expect(fenced('plain')).toBe('```text\nplain\n```');
  });
});
