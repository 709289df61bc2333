import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTrace } from '../../../main/services/correlation/log-shapes/traces/parse-trace';
import { processRows } from '../../../main/services/correlation/processing/process-rows';
import type { ParsedException } from '../../../shared/domain/log-parts';

// Traces printed by real programs (test/fixtures/log-shapes/capture.sh): Ruby 3.1's full_message
// and Mono's Exception.ToString(), each program's ground truth written by the program itself.
const DIR = join(import.meta.dirname, '../../fixtures/log-shapes');
const read = (file: string) => readFileSync(join(DIR, file), 'utf8');

interface Truth {
  type: string;
  message: string;
  frames: { file: string; line: number; function: string }[];
  cause?: Truth | null;
  inner?: Truth | null;
}

/** The first report in a program's stderr: the caught exception, before the uncaught one repeats it. */
function firstReport(stderr: string, startsAgain: RegExp): string {
  const lines = stderr.split('\n');
  const again = lines.findIndex((line, i) => i > 0 && startsAgain.test(line));
  return lines
    .slice(0, again === -1 ? undefined : again)
    .join('\n')
    .trimEnd();
}

function chainOf(e: ParsedException): ParsedException[] {
  const out = [e];
  for (let c = e.causes?.[0]; c; c = c.causes?.[0]) out.push(c);
  return out;
}

const rows = (text: string) =>
  text.split('\n').map((line, i) => ({
    '@timestamp': `2024-01-24 04:27:40.${String(100 + i).padStart(3, '0')}`,
    '@message': line,
    '@logStream': 's',
    '@log': '1:/g',
  }));

describe('Ruby (`full_message`, then each cause)', () => {
  const truth = JSON.parse(read('ruby/shop.truth.json')) as Truth;
  const text = firstReport(read('ruby/shop.stderr.txt'), /^shop\.rb:\d+:in `rescue in charge'/);

  it('the exception, its frames with file and line, and its cause', () => {
    const chain = chainOf(parseTrace(text).exception);
    const truths = [truth, truth.cause as Truth];
    expect(chain.map((e) => [e.relation, e.type, e.message])).toEqual([
      [undefined, truths[0]!.type, truths[0]!.message],
      ['cause', truths[1]!.type, truths[1]!.message],
    ]);
    chain.forEach((e, i) =>
      expect(e.frames.map((f) => [f.function, f.file, f.line])).toEqual(truths[i]!.frames.map((f) => [f.function, f.file, f.line])),
    );
  });

  it('split one line per event, joined back into one error', () => {
    const { events, groups } = processRows([{ source: { connectionId: 'c', connection: 'c', logGroups: ['/g'] }, rows: rows(text) }], {
      sessionStart: 0,
    });
    expect(events).toHaveLength(1);
    expect(groups[0]).toMatchObject({ type: truth.type, level: 'error' });
    expect(events[0]?.exception?.causes?.[0]?.type).toBe(truth.cause?.type);
  });
});

describe('.NET (Mono: `Outer: a ---> Inner: b`, inner frames, `--- End of inner exception stack trace ---`, outer frames)', () => {
  const truth = JSON.parse(read('mono/shop.truth.json')) as Truth;
  const text = firstReport(read('mono/shop.stderr.txt'), /^$/);

  it('the exception and its inner exception, each with its own frames', () => {
    const chain = chainOf(parseTrace(text).exception);
    const truths = [truth, truth.inner as Truth];
    expect(chain.map((e) => [e.relation, e.type, e.message])).toEqual([
      [undefined, truths[0]!.type, truths[0]!.message],
      ['inner', truths[1]!.type, truths[1]!.message],
    ]);
    chain.forEach((e, i) => expect(e.frames.map((f) => [f.function, f.line])).toEqual(truths[i]!.frames.map((f) => [f.function, f.line])));
    expect(chain[0]?.frames.every((f) => f.app)).toBe(true);
  });

  it('split one line per event, joined back into one error', () => {
    const { events, groups } = processRows([{ source: { connectionId: 'c', connection: 'c', logGroups: ['/g'] }, rows: rows(text) }], {
      sessionStart: 0,
    });
    expect(events).toHaveLength(1);
    expect(groups[0]).toMatchObject({ type: truth.type });
    expect(events[0]?.exception?.causes?.[0]).toMatchObject({ relation: 'inner', type: truth.inner?.type });
  });

  it('.NET’s own layout: `--->` on its own line, frames `in <file>:line N`, framework frames as library frames', () => {
    // The layout .NET documents for Exception.ToString() (no .NET runtime is packaged for Debian to print it here).
    const net = [
      'System.InvalidOperationException: Order o-981 cannot be charged',
      ' ---> System.IO.IOException: Connection reset by peer',
      '   at Acme.Shop.Gateway.Send(String order) in /src/Acme.Shop/Gateway.cs:line 15',
      '   --- End of inner exception stack trace ---',
      '   at Acme.Shop.Checkout.Charge(String order) in /src/Acme.Shop/Checkout.cs:line 21',
      '   at System.Threading.Tasks.Task.InnerInvoke()',
    ].join('\n');
    const { exception } = parseTrace(net);
    expect(exception).toMatchObject({
      type: 'System.InvalidOperationException',
      frames: [
        { function: 'Acme.Shop.Checkout.Charge', file: '/src/Acme.Shop/Checkout.cs', line: 21, app: true },
        { function: 'System.Threading.Tasks.Task.InnerInvoke', app: false },
      ],
    });
    expect(exception.causes?.[0]).toMatchObject({
      relation: 'inner',
      type: 'System.IO.IOException',
      frames: [{ function: 'Acme.Shop.Gateway.Send', line: 15 }],
    });
  });
});
