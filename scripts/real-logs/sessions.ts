/**
 * The OpenReplay sessions of the corpus: four the tests look up, and decoys that must never be
 * taken for them (the next and previous ID, a longer number that starts with an ID, and a
 * session whose base36 ends with another's, so its token contains that base36 text).
 */
import { flakeId, makeToken, SESSION_MAX_MS } from '../../test/support/cloudwatch-emulator/generator/tokens';

export interface CorpusSession {
  name: string;
  sessionId: string;
  /** Tokens the programs log for it; the first is the one a user would paste. */
  tokens: string[];
  start: number;
  /** A decoy: its lines must not be found for any looked-up session. */
  decoy: boolean;
}

const MINUTE = 60_000;

function session(name: string, id: bigint, start: number, tokens: string[], decoy = false): CorpusSession {
  return { name, sessionId: id.toString(), tokens, start, decoy };
}

/** Sessions that started a few minutes before `now` (the programs run inside their windows). */
export function corpusSessions(now: number): CorpusSession[] {
  const starts = [20, 15, 10, 5].map((m) => now - m * MINUTE);
  const ids = starts.map((start, i) => flakeId(start, 0x2a0 + i, 0x11 * (i + 1)));
  const exp = (i: number) => starts[i]! + SESSION_MAX_MS;
  const [s1, s2, s3, s4] = ids as [bigint, bigint, bigint, bigint];
  const main = [
    session('S1', s1, starts[0]!, [makeToken(s1, exp(0), 4, 180)]),
    session('S2', s2, starts[1]!, [makeToken(s2, exp(1), 3)]),
    session('S3', s3, starts[2]!, [makeToken(s3, exp(2), 4, -4200)]),
    // A reloaded page: a second token (new expiry) for the same session.
    session('S4', s4, starts[3]!, [makeToken(s4, exp(3), 4, 90), makeToken(s4, exp(3) + 30 * MINUTE, 4, 30)]),
  ];
  const longer = BigInt(`${s1}7`);
  const suffixed = 36n ** BigInt(s1.toString(36).length) + s1; // base36: "1" + base36(S1)
  const decoys = [
    session('S1+1', s1 + 1n, starts[0]!, [makeToken(s1 + 1n, exp(0), 4, 180)], true),
    session('S1-1', s1 - 1n, starts[0]!, [makeToken(s1 - 1n, exp(0), 3)], true),
    session('S1·7', longer, starts[0]!, [makeToken(longer, exp(0), 4, 12)], true),
    session('1·S1', suffixed, starts[0]!, [makeToken(suffixed, exp(0), 4, 12)], true),
    session('S3+1', s3 + 1n, starts[2]!, [makeToken(s3 + 1n, exp(2), 4, 7)], true),
  ];
  return [...main, ...decoys];
}

export interface PlannedRequest {
  n: number;
  sessionId: string;
  token: string;
  style: string;
  scenario: string;
}

/**
 * A program's requests: each looked-up session once without a failure, each failure scenario for
 * one of them (turning with `seed`, so over all programs every session meets every kind of
 * failure), and two decoys (one clean, one failing). Styles go round. Deterministic.
 */
export function planRequests(
  sessions: CorpusSession[],
  styles: readonly string[],
  scenarios: readonly string[],
  seed: number,
  last?: { style: string; scenario: string },
): PlannedRequest[] {
  const requests: PlannedRequest[] = [];
  let turn = seed;
  const add = (s: CorpusSession, scenario: string, tokenIndex: number, style = styles[turn++ % styles.length]!) => {
    requests.push({ n: requests.length + 1, sessionId: s.sessionId, token: s.tokens[tokenIndex % s.tokens.length]!, style, scenario });
  };
  const main = sessions.filter((s) => !s.decoy);
  const decoys = sessions.filter((s) => s.decoy);
  const failures = scenarios.filter((s) => s !== 'ok');
  main.forEach((s, i) => add(s, 'ok', i + seed));
  failures.forEach((scenario, i) => add(main[(seed + i) % main.length]!, scenario, seed + i));
  add(decoys[seed % decoys.length]!, 'ok', 0);
  add(decoys[(seed + 1) % decoys.length]!, failures[seed % failures.length] ?? 'ok', 0);
  if (last !== undefined) add(main[seed % main.length]!, last.scenario, 0, last.style);
  return requests;
}
