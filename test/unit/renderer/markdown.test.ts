import { describe, expect, it } from 'vitest';
import { eventToMarkdown, eventToText, groupToMarkdown } from '../../../renderer/src/lib/markdown';
import { event } from './events';

describe('copy as Markdown', () => {
  it('renders an event with its source, replay link and message in a fence', () => {
    const md = eventToMarkdown(
      event(95_000, 'error', { message: 'TypeError: boom' }),
      '2618307011354435587',
      'https://app.openreplay.com/1/session/2618307011354435587?jumpto=95000',
    );
    expect(md).toContain('**ERROR** `+1:35.000`');
    expect(md).toContain('- Session: `2618307011354435587`');
    expect(md).toContain('- Replay at this moment: https://app.openreplay.com/1/session/2618307011354435587?jumpto=95000');
    expect(md).toContain('```text\nTypeError: boom\n```');
  });

  it('uses a longer fence when the message contains backticks', () => {
    const md = eventToMarkdown(event(0, 'info', { message: 'has ``` inside' }), '1');
    expect(md).toContain('````text\nhas ``` inside\n````');
    expect(md).not.toContain('Replay at this moment');
  });

  it('pretty-prints JSON messages', () => {
    const md = eventToMarkdown(event(0, 'info', { message: '{"a":1}', jsonAt: 0 }), '1');
    expect(md).toContain('```json\n{\n  "a": 1\n}\n```');
  });

  it('escapes the title, so log text cannot become Markdown', () => {
    const md = groupToMarkdown(
      {
        fingerprint: 'f',
        title: '# <img src=x> [link](http://evil) **x**',
        type: 'E`x',
        level: 'error',
        count: 1,
        firstSeen: 0,
        lastSeen: 0,
        firstOffsetMs: 0,
        offsetsMs: [0],
        sampleEventId: 'e',
        connection: 'prod',
        logGroup: '/ecs/api',
        logStream: 's',
        frames: [],
        contextBefore: [],
        contextAfter: [],
      },
      '42',
    );
    expect(md).toMatch(/^### \\# &lt;img src=x\\> \\\[link\\\]\(http:\/\/evil\) \\\*\\\*x\\\*\\\*\n/);
    expect(md).toContain('- Type: `` E`x `` · 1×');
  });

  it('renders a group with its count and stack', () => {
    const md = groupToMarkdown(
      {
        fingerprint: 'f',
        title: 'TypeError: boom',
        type: 'TypeError',
        level: 'error',
        count: 3,
        firstSeen: 0,
        lastSeen: 0,
        firstOffsetMs: 1000,
        offsetsMs: [1000],
        sampleEventId: 'e',
        connection: 'prod',
        logGroup: '/ecs/api',
        logStream: 's',
        stack: 'at f (a.js:1:1)',
        frames: [],
        contextBefore: [],
        contextAfter: [],
      },
      '42',
    );
    expect(md).toMatch(/^### TypeError: boom\n/);
    expect(md).toContain('3× · first at `+0:01.000`');
    expect(md).toContain('```text\nat f (a.js:1:1)\n```');
  });

  it('copies an event as one plain line with its time, level and source', () => {
    expect(eventToText(event(0, 'warn', { message: 'slow' }))).toBe('2023-11-14 22:13:20.000 UTC WARN [/ecs/api stream-a] slow');
  });
});
