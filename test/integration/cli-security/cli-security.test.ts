import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIAL, startEmulator, type RunningEmulator } from '../../support/cloudwatch-emulator/index';
import { flakeId, makeToken } from '../../support/cloudwatch-emulator/generator/tokens';
import { hasActiveControl } from '../../support/terminal-controls';
import { freshSecret, orcw, removeAllConnections, tempDataDir } from '../cli/support';

// The CLI as an attacker meets it: hostile log text, links reaching for years of logs, secrets
// pasted where they do not belong. bin/orcw.mjs runs as a child process against the emulator.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let emulator: RunningEmulator;
let dataDir: string;
const start = Date.now() - 3 * DAY;
const id = flakeId(start, 0x42, 7);
const sessionId = id.toString();
const token = makeToken(id, start + 2 * HOUR, 4);
/** Control sequences as a real program prints them: clipboard write, window title, clear screen, one-byte CSI. */
const hostile = execFileSync(
  'printf',
  ['ERROR KeyError: boom \\033]52;c;SGFja2Vk\\007 \\033]0;pwned\\007 \\033[2J \\302\\233 \\r tail openReplaySessionToken=%s', token],
  { encoding: 'utf8' },
);

beforeAll(async () => {
  emulator = await startEmulator();
  emulator.putEvents('/sec/api', 'web-1', [{ timestamp: start + 60_000, message: hostile }]);
  dataDir = await tempDataDir();
  const add = await orcw(
    [
      'connections',
      'add',
      '--name',
      'emu',
      '--region',
      'us-east-1',
      '--log-group',
      '/sec/api',
      '--endpoint',
      emulator.url,
      '--access-key-id',
      DEFAULT_CREDENTIAL.accessKeyId,
      '--secret-access-key-stdin',
    ],
    { dataDir, input: `${DEFAULT_CREDENTIAL.secretAccessKey}\n` },
  );
  expect(add.code).toBe(0);
});
afterAll(async () => {
  await removeAllConnections(dataDir);
  await emulator.stop();
});

describe('log text cannot drive the terminal', () => {
  it('correlate, --markdown, cache show, cache search and cache export md show control characters; --json keeps them exact', async () => {
    const json = await orcw(['correlate', token, '--json'], { dataDir });
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { events: { message: string }[] };
    expect(parsed.events.map((e) => e.message)).toContain(hostile.trimEnd());
    expect(json.stdout).toContain('\\u001b]52;c;SGFja2Vk\\u0007');

    const outputs = {
      summary: await orcw(['correlate', token], { dataDir }),
      markdown: await orcw(['correlate', token, '--markdown'], { dataDir }),
      show: await orcw(['cache', 'show', sessionId], { dataDir }),
      showMarkdown: await orcw(['cache', 'show', sessionId, '--markdown'], { dataDir }),
      search: await orcw(['cache', 'search', 'KeyError'], { dataDir }),
      export: await orcw(['cache', 'export', sessionId, '--format', 'md'], { dataDir }),
    };
    for (const [name, run] of Object.entries(outputs)) {
      expect([name, run.code]).toEqual([name, 0]);
      expect([name, hasActiveControl(run.stdout), hasActiveControl(run.stderr)]).toEqual([name, false, false]);
      // Titles mask numbers (␛]<n>;pwned␇); search shows the line itself (␛]0;pwned␇).
      expect([name, /␛\\?\]\S*;pwned␇/.test(run.stdout)]).toEqual([name, true]);
    }
    expect(outputs.search.stdout).toContain('␛]52;c;SGFja2Vk␇ ␛]0;pwned␇ ␛[2J \\u009b');
    expect(outputs.markdown.stdout).toContain('\\u009b');
  });
});

describe('links cannot buy a large scan', () => {
  it('refuses the 2,741-day link, naming the limit, and runs nothing', async () => {
    const queries = emulator.metrics.queries.length;
    const link = `orcw://session/${sessionId}?from=2019-06-01T00:00:00Z&to=${new Date(Date.now() - DAY).toISOString()}`;
    const run = await orcw(['correlate', link, '--refresh'], { dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: orcw:\/\/ link: from \(2019-06-01T00:00:00\.000Z\) is more than 1 day before the session start/);
    expect(run.stderr).toContain('within 1 day of the session (start to end) and be at most 7 days long');
    expect(emulator.metrics.queries.length).toBe(queries);
  });

  it('wants the user’s own --from/--to for a link reaching past the session, and caps those too', async () => {
    const queries = emulator.metrics.queries.length;
    const wide = `orcw://session/${sessionId}?from=${start - 6 * HOUR}`;
    const refused = await orcw(['correlate', wide, '--refresh'], { dataDir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("the link asks for a window beyond the session's own");
    expect(refused.stderr).toContain('pass --from and --to');
    expect(emulator.metrics.queries.length).toBe(queries);

    const iso = (ms: number) => new Date(ms).toISOString();
    const chosen = await orcw(['correlate', wide, '--refresh', '--from', iso(start - 6 * HOUR), '--to', iso(start + 3 * HOUR), '--json'], {
      dataDir,
    });
    expect(chosen.code).toBe(0);
    expect(JSON.parse(chosen.stdout).window).toEqual({ from: iso(start - 6 * HOUR), to: iso(start + 3 * HOUR) });

    const tooWide = await orcw(['correlate', token, '--refresh', '--from', iso(start - 2 * DAY), '--to', iso(start)], { dataDir });
    expect(tooWide.code).toBe(2);
    expect(tooWide.stderr).toMatch(/^error: from \(.*\) is more than 1 day before the session start/);
    expect(tooWide.stderr).toContain('at most 7 days long');
    expect((await orcw(['correlate', '--help'], { dataDir })).stdout).toContain(
      'Cap: a time window must lie within 1 day of the session (start to end) and be at most 7 days long.',
    );
  });
});

describe('arguments the CLI does not understand are never echoed', () => {
  it('an unknown command or option is not repeated, not even in part; a typo gets a suggestion', async () => {
    const secret = freshSecret();
    for (const args of [[secret], ['correlate', token, `--${secret}`], ['cache', 'show', sessionId, `--x=${secret}`]]) {
      const run = await orcw(args, { dataDir });
      expect(run.code).toBe(2);
      for (let i = 0; i + 8 <= secret.length; i += 1) expect(run.stderr).not.toContain(secret.slice(i, i + 8));
    }
    expect((await orcw(['corelate', token], { dataDir })).stderr).toContain('did you mean "orcw correlate"?');
    expect((await orcw(['correlate', token, '--jsn'], { dataDir })).stderr).toContain('did you mean --json?');
  });
});
