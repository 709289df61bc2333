import fc from 'fast-check';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeApp, type ComposedApp } from '../../../main/services/app/compose';
import { commands, runCli } from '../../../main/cli/main';
import type { CliCommand, CliContext } from '../../../main/cli/command';
import { dispatch } from '../../../main/cli/dispatch';
import { visibleControls } from '../../../main/cli/terminal-text';
import { createEventEmitter } from '../../../main/services/ipc/events';
import { createRouter, type Router } from '../../../main/services/ipc/router';
import { errorCodes } from '../../../shared/errors';
import { buildSessionQuery } from '../../../shared/session/query';
import { parseSessionReference } from '../../../shared/session/reference';
import { DEFAULT_CREDENTIAL, startEmulator, type RunningEmulator } from '../../support/cloudwatch-emulator/index';
import { arbitraries } from '../../support/fuzz/references';
import { hasActiveControl } from '../../support/terminal-controls';
import { readQueryShape } from '../../unit/session/query-shape';

// Generated references and orcw:// links — valid, spliced with hostile text, and garbage — through
// the real IPC router with the composed handlers (what the renderer reaches) and through the real
// CLI argument parser and commands (what a shell reaches). Every answer must be a value or a typed
// error; no accepted input may change the structure of the query that reaches CloudWatch.

const ORIGIN = 'app://orcw';
const SENDER = { url: `${ORIGIN}/index.html`, isMainFrame: true, isOurWindow: true };
const NOW = Date.now();
const { reference, validToken, validId } = arbitraries(NOW);
const KNOWN_CODES = new Set<string>(errorCodes);
/** Codes that mean orcw itself broke (a crash turned into an error, or a handler answering off-contract). */
const CRASH_CODES = new Set(['INTERNAL', 'IPC_INVALID_RESPONSE']);
const counts = { router: 0, routerAccepted: 0, cli: 0, parser: 0, queries: 0 };

async function app(dataDir: string): Promise<{ composed: ComposedApp; router: Router }> {
  const composed = await composeApp({
    dataDir,
    version: 'fuzz',
    electron: false,
    events: createEventEmitter(() => undefined),
    openExternal: async () => undefined,
    copyText: () => undefined,
    onRendererReady: () => undefined,
  });
  return { composed, router: createRouter(composed.handlers, ORIGIN) };
}

function expectTypedAnswer(answer: unknown, input: string): void {
  const result = answer as { ok: boolean; value?: unknown; error?: { code: string; message: string; hint: string } };
  if (result.ok) return;
  const { code, message, hint } = result.error ?? { code: '', message: '', hint: '' };
  expect([input, KNOWN_CODES.has(code) && !CRASH_CODES.has(code)], `${code}: ${message}`).toEqual([input, true]);
  expect(message.length > 0 && hint.length > 0).toBe(true);
}

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.stop();
  // The closing note of the issue wants the number.
  console.log(
    `fuzz: ${counts.router} inputs through the router (${counts.routerAccepted} accepted), ${counts.parser} command lines through the CLI parser, ${counts.cli} whole CLI commands, ${counts.queries} real queries checked`,
  );
});

describe('fuzzing the IPC router', () => {
  let composed: ComposedApp;
  let router: Router;
  beforeAll(async () => ({ composed, router } = await app(await mkdtemp(join(tmpdir(), 'orcw-fuzz-')))));
  afterAll(() => composed.close());

  it('10,000 references and links: every answer a value or a typed error, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(reference, async (input) => {
        counts.router += 1;
        const correlate = await router.dispatch(
          'session:correlate',
          { requestId: `f-${counts.router}`, reference: input, mode: 'offline' },
          SENDER,
        );
        const plan = await router.dispatch('session:plan', { reference: input }, SENDER);
        expectTypedAnswer(correlate, input);
        expectTypedAnswer(plan, input);
        const parsed = parseSessionReference(input);
        if (!parsed.ok) {
          expect(correlate).toMatchObject({ ok: false, error: { code: 'INVALID_REFERENCE' } });
          return;
        }
        counts.routerAccepted += 1;
        // Accepted: offline, an empty cache, so NOT_FOUND; and the query it would send keeps its shape.
        expect(correlate).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
        expect(structureOf(buildSessionQuery(parsed.value))).toEqual(BASELINE);
      }),
      { numRuns: 10_000 },
    );
    expect(counts.routerAccepted).toBeGreaterThan(1000);
  }, 600_000);

  it('queries that really reach CloudWatch keep the structure too', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'orcw-fuzz-'));
    const { composed: live, router: liveRouter } = await app(dataDir);
    try {
      const created = await liveRouter.dispatch(
        'connections:create',
        {
          name: 'emu',
          region: 'us-east-1',
          logGroups: ['/fuzz/api'],
          endpoint: emulator.url,
          auth: { kind: 'keys', ...DEFAULT_CREDENTIAL },
        },
        SENDER,
      );
      expect(created.ok).toBe(true);
      emulator.putEvents('/fuzz/api', 's', [{ timestamp: NOW - 60_000, message: 'INFO x' }]);
      const samples = fc.sample(fc.oneof(validToken, validId, reference), { numRuns: 60, seed: 11 });
      for (const input of samples) {
        const parsed = parseSessionReference(input);
        const before = emulator.metrics.queries.length;
        const answer = await liveRouter.dispatch(
          'session:correlate',
          { requestId: `live-${counts.queries}`, reference: input, mode: 'refresh' },
          SENDER,
        );
        expectTypedAnswer(answer, input);
        for (const query of emulator.metrics.queries.slice(before)) {
          counts.queries += 1;
          expect(parsed.ok).toBe(true);
          expect(structureOf(query.queryString)).toEqual(BASELINE);
        }
      }
      expect(counts.queries).toBeGreaterThan(20);
    } finally {
      const list = await liveRouter.dispatch('connections:list', undefined, SENDER);
      for (const c of (list as { value: { id: string }[] }).value) await liveRouter.dispatch('connections:delete', { id: c.id }, SENDER);
      live.close();
    }
  }, 300_000);
});

/**
 * What must never change: the commands, each condition's field, operator and literal kind, and the
 * count of every character that could end a literal or start a command (read by an independent
 * lexer, not the builder). The literals' contents differ by session, so they are not compared.
 */
function structureOf(query: string) {
  const shape = readQueryShape(query);
  return {
    commands: shape.commands,
    conditions: shape.conditions.map(({ field, op, kind }) => ({ field, op, kind })),
    specials: shape.specials,
  };
}

const BASELINE = structureOf(
  buildSessionQuery({
    kind: 'token',
    sessionId: '2618307011354435587',
    token: 'jw4wdfpgqhoj.3az.lrraavgc.5Kd3NBUAdUnhyzenEwVLy9pBKxSwXvE9FMPyR4UKZvpe',
    start: 1706063259324,
    end: 1706070459324,
  }),
);

/** An in-memory terminal for runCli: what it printed, and no stdin. */
function memoryIo(dataDir: string) {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) => new Writable({ write: (chunk, _encoding, done) => (append(String(chunk)), done()) });
  return {
    io: {
      stdin: Readable.from([]),
      stdout: sink((t) => (stdout += t)),
      stderr: sink((t) => (stderr += t)),
      env: { ORCW_DATA_DIR: dataDir },
    },
    output: () => ({ stdout, stderr }),
  };
}

describe('fuzzing the CLI argument parser', () => {
  const flag = fc.constantFrom(
    '--json',
    '--markdown',
    '--offline',
    '--refresh',
    '--help',
    '-h',
    '--',
    '--connection',
    '--from',
    '--to',
    '--limit',
    '--level',
    '--session',
    '--format',
    '-o',
  );
  const word = fc.oneof(
    reference,
    flag,
    fc.string({ maxLength: 12 }),
    fc.constantFrom('correlate', 'cache', 'show', 'search', 'export', 'connections', 'list', 'log-groups'),
  );
  const argv = fc.oneof(
    fc.tuple(reference, fc.array(word, { maxLength: 4 })).map(([ref, rest]) => ['correlate', ref, '--offline', ...rest]),
    fc.tuple(reference, fc.array(word, { maxLength: 3 })).map(([ref, rest]) => ['cache', 'show', ref, ...rest]),
    fc.tuple(fc.string({ maxLength: 20 }), reference).map(([text, ref]) => ['cache', 'search', text, '--session', ref]),
    fc.array(word, { minLength: 1, maxLength: 5 }),
  );

  // A word no command may ever print back: it stands for a secret pasted in the wrong place.
  const CANARY = 'zQ7canaryAKIAx';
  const hostileWord = fc.oneof(
    word,
    fc.constant(CANARY),
    fc.constant(`--${CANARY}`),
    fc.constant(`--from=${CANARY}`),
    fc.constant(`-${CANARY}`),
  );
  const hostileArgv = fc.oneof(
    argv,
    fc.array(hostileWord, { minLength: 1, maxLength: 6 }),
    fc.tuple(argv, hostileWord).map(([args, extra]) => [...args, extra]),
  );

  it('10,000 command lines through the real parser and command table: usage errors typed, nothing echoed, accepted references keep the query shape', async () => {
    // Each command's run is replaced by a recorder, so this fuzzes the parser (dispatch, option
    // specs, positionals, help) at the speed it runs; the whole commands are fuzzed below.
    const last: { ran?: { command: string; positionals: string[] } } = {};
    const recorders: CliCommand[] = commands.map((command) => ({
      ...command,
      run: async ({ positionals }) => void (last.ran = { command: command.name, positionals }),
    }));
    await fc.assert(
      fc.asyncProperty(hostileArgv, async (args) => {
        counts.parser += 1;
        last.ran = undefined;
        let stdout = '';
        let stderr = '';
        const context = {
          io: { env: {} },
          dataDir: '/nonexistent',
          connections: () => Promise.reject(new Error('the parser fuzz never reaches services')),
          out: (line: string) => void (stdout += `${visibleControls(line)}\n`),
          err: (line: string) => void (stderr += `${visibleControls(line)}\n`),
          json: (value: unknown) => void (stdout += JSON.stringify(value)),
        } as unknown as CliContext;
        const code = await dispatch(recorders, args, context);
        expect([args, code]).toEqual([args, expect.toSatisfy((c: number) => c === 0 || c === 2)]);
        expect([args, `${stdout}${stderr}`.includes(CANARY)]).toEqual([args, false]);
        expect(stderr).not.toContain('unexpected failure');
        if (code === 2 && !stderr.startsWith('usage') && !/^orcw/.test(stderr)) expect(stderr).toMatch(/^error: .*\nhint: /);
        // (read through a cast: the recorder sets it inside dispatch, which TypeScript's narrowing cannot see)
        const ran = last.ran as { command: string; positionals: string[] } | undefined;
        if (ran?.command === 'correlate') {
          const parsed = parseSessionReference(ran.positionals[0] ?? '');
          if (parsed.ok) expect(structureOf(buildSessionQuery(parsed.value))).toEqual(BASELINE);
        }
      }),
      { numRuns: 10_000 },
    );
  }, 600_000);

  it('generated command lines: exit 0, 1 or 2 with error/hint lines, never an unexpected failure or a raw control character', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'orcw-fuzz-cli-'));
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        // --refresh with no connections stops at "no connections": nothing here reaches a network.
        counts.cli += 1;
        const { io, output } = memoryIo(dataDir);
        const code = await runCli(args, io);
        const { stdout, stderr } = output();
        expect([args, code]).toEqual([args, expect.toSatisfy((c: number) => c === 0 || c === 1 || c === 2)]);
        expect(stderr).not.toContain('unexpected failure');
        expect(hasActiveControl(stdout) || hasActiveControl(stderr)).toBe(false);
        if (code !== 0 && stderr !== '' && !stderr.startsWith('usage') && !/^orcw/.test(stderr)) {
          expect(stderr).toMatch(/^(warning: .*\nhint: .*\n)*error: /);
        }
      }),
      // Each run is a whole command (services built, the cache opened and closed): 10-100 ms apiece.
      { numRuns: 3_000 },
    );
  }, 600_000);
});
