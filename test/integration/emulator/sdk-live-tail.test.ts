import {
  CloudWatchLogsClient,
  PutLogEventsCommand,
  StartLiveTailCommand,
  type StartLiveTailResponseStream,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../support/cloudwatch-emulator';
import { KEY, failure } from './helpers';

const ACCOUNT = '123456789012';
const arn = (name: string): string => `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:${name}`;
const LIMITED = { accessKeyId: 'AKIDNOTAIL0000001', secretAccessKey: 'no-tail-secret', deny: ['StartLiveTail'] };

let emu: RunningEmulator;
let logs: CloudWatchLogsClient;

/** The real SDK; `disableHostPrefix` because the model's `stream-` host prefix cannot resolve on loopback. */
function tailClient(credentials = KEY): CloudWatchLogsClient {
  return new CloudWatchLogsClient({ endpoint: emu.url, region: 'eu-west-1', credentials, maxAttempts: 1, disableHostPrefix: true });
}

beforeAll(async () => {
  emu = await startEmulator({ credentials: [KEY, LIMITED], liveTail: { updateIntervalMs: 200, maxSessions: 3 } });
  logs = tailClient();
  for (let i = 0; i < 12; i++) emu.putEvents(`/lt/g${i}`, 'seed', [{ timestamp: Date.now(), message: 'before the tail' }]);
});

afterEach(() => {
  emu.clock.resume();
});

afterAll(async () => {
  logs.destroy();
  await emu.stop();
});

type Frame = StartLiveTailResponseStream;

/** Reads frames until `until` says stop (or the stream ends or throws). */
async function read(stream: AsyncIterable<Frame>, until: (frames: Frame[]) => boolean): Promise<{ frames: Frame[]; error?: Error }> {
  const frames: Frame[] = [];
  try {
    for await (const f of stream) {
      frames.push(f);
      if (until(frames)) break;
    }
  } catch (e) {
    return { frames, error: e as Error };
  }
  return { frames };
}

const messages = (frames: Frame[]): string[] => frames.flatMap((f) => f.sessionUpdate?.sessionResults?.map((r) => r.message ?? '') ?? []);

describe('StartLiveTail over the event stream', () => {
  it('sends sessionStart, then sessionUpdates with events appended while the tail is open, filtered by a %regex% pattern', async () => {
    const abort = new AbortController();
    const out = await logs.send(
      new StartLiveTailCommand({
        logGroupIdentifiers: [arn('/lt/g0'), arn('/lt/g1')],
        logEventFilterPattern: '%jw4w\\.|2618307011354435587%',
      }),
      { abortSignal: abort.signal },
    );
    const stream = out.responseStream!;
    const seen = read(stream, (f) => messages(f).length >= 3);
    await new Promise((r) => setTimeout(r, 50));
    emu.putEvents('/lt/g0', 'api/1', [{ timestamp: Date.now(), message: 'a [openReplaySessionToken=jw4w.3az.x] one' }]);
    emu.putEvents('/lt/g0', 'api/1', [{ timestamp: Date.now(), message: 'untagged noise' }]);
    emu.putEvents('/lt/g9', 'api/1', [{ timestamp: Date.now(), message: 'other group openReplaySession.id=2618307011354435587' }]);
    await logs.send(
      new PutLogEventsCommand({
        logGroupName: '/lt/g1',
        logStreamName: 'seed',
        logEvents: [{ timestamp: Date.now(), message: 'b openReplaySession.id=2618307011354435587' }],
      }),
    );
    emu.putEvents('/lt/g1', 'w/2', [{ timestamp: Date.now(), message: 'c jw4w.zz' }]);
    const { frames, error } = await seen;
    abort.abort();
    expect(error).toBeUndefined();
    const start = frames[0]!.sessionStart!;
    expect(start.logGroupIdentifiers).toEqual([arn('/lt/g0'), arn('/lt/g1')]);
    expect(start.logEventFilterPattern).toBe('%jw4w\\.|2618307011354435587%');
    expect(start.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(messages(frames)).toEqual([
      'a [openReplaySessionToken=jw4w.3az.x] one',
      'b openReplaySession.id=2618307011354435587',
      'c jw4w.zz',
    ]);
    const event = frames.flatMap((f) => f.sessionUpdate?.sessionResults ?? [])[0]!;
    expect(event).toMatchObject({ logGroupIdentifier: arn('/lt/g0'), logStreamName: 'api/1' });
    expect(typeof event.timestamp).toBe('number');
    expect(frames.filter((f) => f.sessionUpdate).every((f) => f.sessionUpdate!.sessionMetadata!.sampled === false)).toBe(true);
  });

  it('sends an update about every interval even when nothing arrived (an empty array)', async () => {
    const abort = new AbortController();
    const out = await logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [arn('/lt/g2')] }), { abortSignal: abort.signal });
    const { frames } = await read(out.responseStream!, (f) => f.length >= 3);
    abort.abort();
    expect(frames[1]!.sessionUpdate!.sessionResults).toEqual([]);
    expect(frames[2]!.sessionUpdate!.sessionResults).toEqual([]);
  });

  it('samples an update down to 500 events and says so in sessionMetadata.sampled', async () => {
    const abort = new AbortController();
    const out = await logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [arn('/lt/g3')] }), { abortSignal: abort.signal });
    const seen = read(out.responseStream!, (f) => messages(f).length > 0);
    await new Promise((r) => setTimeout(r, 50));
    const t = Date.now();
    emu.putEvents(
      '/lt/g3',
      's',
      Array.from({ length: 1200 }, (_, i) => ({ timestamp: t, message: `line ${i}` })),
    );
    const { frames } = await seen;
    abort.abort();
    const update = frames.find((f) => (f.sessionUpdate?.sessionResults?.length ?? 0) > 0)!.sessionUpdate!;
    expect(update.sessionResults).toHaveLength(500);
    expect(update.sessionMetadata!.sampled).toBe(true);
    expect(new Set(update.sessionResults!.map((r) => r.message)).size).toBe(500);
  });

  it('ends the stream with SessionTimeoutException after three hours on the emulator clock', async () => {
    const out = await logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [arn('/lt/g4')] }));
    const seen = read(out.responseStream!, () => false);
    await new Promise((r) => setTimeout(r, 50));
    emu.clock.advance(3 * 3_600_000);
    const { frames, error } = await seen;
    emu.clock.advance(-3 * 3_600_000);
    expect(frames[0]!.sessionStart).toBeDefined();
    expect(error?.name).toBe('SessionTimeoutException');
  });

  it('ends the stream with SessionStreamingException on request, and breaks the connection on drop', async () => {
    const a = await logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [arn('/lt/g5')] }));
    const seenA = read(a.responseStream!, () => false);
    await new Promise((r) => setTimeout(r, 50));
    expect(emu.liveTail.failStreams('boom')).toBe(1);
    const failed = await seenA;
    expect(failed.error?.name).toBe('SessionStreamingException');
    expect(failed.error?.message).toBe('boom');

    const b = await logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [arn('/lt/g5')] }));
    const seenB = read(b.responseStream!, () => false);
    await new Promise((r) => setTimeout(r, 50));
    expect(emu.liveTail.dropStreams()).toBe(1);
    const dropped = await seenB;
    expect(dropped.error).toBeDefined();
    expect(dropped.error?.name).not.toMatch(/^Session/);
    expect(emu.liveTail.sessions()).toEqual([]);
  });
});

describe('StartLiveTail request errors, as the service model names them', () => {
  it('refuses more than 10 log groups', async () => {
    const ids = Array.from({ length: 11 }, (_, i) => arn(`/lt/g${i}`));
    const e = await failure(logs.send(new StartLiveTailCommand({ logGroupIdentifiers: ids })));
    expect(e.name).toBe('InvalidParameterException');
    expect(e.message).toContain('Member must have length less than or equal to 10');
  });

  it('refuses a filter pattern over 1,024 characters, and a regex with ( ) or characters outside the dialect', async () => {
    const long = await failure(
      logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [arn('/lt/g0')], logEventFilterPattern: 'a'.repeat(1025) })),
    );
    expect(long.name).toBe('InvalidParameterException');
    expect(long.message).toContain('less than or equal to 1024');
    for (const p of ['%(a|b)%', '%a b%', '%"x"%', '%é%']) {
      const e = await failure(logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [arn('/lt/g0')], logEventFilterPattern: p })));
      expect(e.name, p).toBe('InvalidParameterException');
    }
  });

  it('takes ARNs only, of groups that exist', async () => {
    expect((await failure(logs.send(new StartLiveTailCommand({ logGroupIdentifiers: ['/lt/g0'] })))).name).toBe(
      'InvalidParameterException',
    );
    expect((await failure(logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [`${arn('/lt/g0')}:*`] })))).name).toBe(
      'InvalidParameterException',
    );
    expect((await failure(logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [arn('/lt/nope')] })))).name).toBe(
      'ResourceNotFoundException',
    );
  });

  it('answers AccessDeniedException for a key without logs:StartLiveTail, and LimitExceededException past the session quota', async () => {
    const denied = tailClient(LIMITED);
    const e = await failure(denied.send(new StartLiveTailCommand({ logGroupIdentifiers: [arn('/lt/g0')] })));
    denied.destroy();
    expect(e.name).toBe('AccessDeniedException');
    expect(e.message).toContain('logs:StartLiveTail');

    const aborts = [new AbortController(), new AbortController(), new AbortController()];
    for (const a of aborts) await logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [arn('/lt/g6')] }), { abortSignal: a.signal });
    const over = await failure(logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [arn('/lt/g6')] })));
    for (const a of aborts) a.abort();
    expect(over.name).toBe('LimitExceededException');
  });

  it('throttles StartLiveTail through the fault plan (ThrottlingException)', async () => {
    emu.setFaults({ throttle: { StartLiveTail: 1 } });
    const e = await failure(logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [arn('/lt/g7')] })));
    emu.setFaults({});
    expect(e.name).toBe('ThrottlingException');
  });

  it('is unreachable without disableHostPrefix: the SDK sends it to stream-<host>', async () => {
    const prefixed = new CloudWatchLogsClient({ endpoint: emu.url, region: 'eu-west-1', credentials: KEY, maxAttempts: 1 });
    const e = await failure(prefixed.send(new StartLiveTailCommand({ logGroupIdentifiers: [arn('/lt/g8')] })));
    prefixed.destroy();
    expect(e.message).toMatch(/stream-127\.0\.0\.1/);
  });
});
