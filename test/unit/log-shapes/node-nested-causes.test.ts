import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { processRows } from '../../../main/services/correlation/processing/process-rows';
import type { ParsedException } from '../../../shared/domain/log-parts';

// A cause chain three deep, printed by Node.js itself (console.error → util.inspect): every
// nested `[cause]` block leaves out the frames it shares with its own cause as
// `... N lines matching cause stack trace ...` and closes its property block with its own `}`.
// The program records the chain from the error objects (names, messages, V8's call sites).
const PROGRAM = `
const sites = new WeakMap();
Error.prepareStackTrace = (error, callSites) => {
  sites.set(error, callSites);
  return [Error.prototype.toString.call(error), ...callSites.map((s) => '    at ' + s)].join('\\n');
};
function readDisk() { throw new Error('disk gone'); }
function readOrder() { try { readDisk(); } catch (e) { throw new Error('read failed', { cause: e }); } }
function loadCart() { try { readOrder(); } catch (e) { throw new TypeError('load failed', { cause: e }); } }
function checkout() { try { loadCart(); } catch (e) { const x = new Error('checkout failed', { cause: e }); x.code = 'E_CHECKOUT'; throw x; } }
try { checkout(); } catch (error) {
  console.error(error);
  const chain = [];
  for (let e = error; e; e = e.cause) {
    void e.stack;
    chain.push({ type: e.name, message: e.message, frames: sites.get(e).map((s) => ({ function: s.getFunctionName(), line: s.getLineNumber() })) });
  }
  console.log(JSON.stringify(chain));
}
`;

interface TruthError {
  type: string;
  message: string;
  frames: { function: string | null; line: number }[];
}

const run = spawnSync(process.execPath, ['--input-type=module', '-e', PROGRAM], { encoding: 'utf8' });
const printed = run.stderr.trimEnd();
const truth = JSON.parse(run.stdout) as TruthError[];
const TAG = '[openReplaySessionToken=vdjqs4qlq041.50.mx591gtp.w5W23XRqbVCd55DDqjZpUmdMbWeH39EPRV5GeQ24XX9] ';

const iso = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
function processed(messages: string[]) {
  const rows = messages.map((m, i) => ({
    '@timestamp': iso(1_700_000_000_000 + i),
    '@message': m,
    '@logStream': 'app/app/1',
    '@log': '123456789012:/ecs/app',
    '@ptr': `p${i}`,
  }));
  return processRows([{ source: { connectionId: 'c', connection: 'c', logGroups: [] }, rows }], { sessionStart: 0 }).events;
}

function chainOf(e: ParsedException | undefined): ParsedException[] {
  return e === undefined ? [] : [e, ...chainOf(e.causes?.[0])];
}

describe('Node.js: nested [cause] blocks with "... N lines matching cause stack trace ..."', () => {
  it('is what Node printed: matching lines inside the nested causes', () => {
    expect(run.status).toBe(0);
    expect(truth.map((e) => e.type)).toEqual(['Error', 'TypeError', 'Error', 'Error']);
    expect(printed.match(/^ {6,}\.\.\. \d+ lines matching cause stack trace \.\.\.$/gm)?.length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['in one event (a multi-line record)', [TAG + printed]],
    ['one event per line, tagged on the first (the awslogs driver)', printed.split('\n').map((line, i) => (i === 0 ? TAG + line : line))],
  ])('%s: one event with the whole chain, each error with its own frames', (_name, messages) => {
    const events = processed(messages);
    expect(events.map((e) => e.message.split('\n').length)).toEqual([printed.split('\n').length]);
    const chain = chainOf(events[0]!.exception);
    expect(chain.map((e) => `${e.type}: ${e.message}`)).toEqual(truth.map((e) => `${e.type}: ${e.message}`));
    chain.forEach((error, i) => {
      const want = truth[i]!.frames;
      // The frames printed are the error's own first ones and its last; the rest are counted.
      expect(error.frames[0]).toMatchObject({ function: want[0]!.function, line: want[0]!.line, app: true });
      expect(error.frames.length + (error.omittedFrames ?? 0)).toBe(want.length);
      expect(error.frames.at(-1)).toMatchObject({ line: want.at(-1)!.line });
    });
  });
});
