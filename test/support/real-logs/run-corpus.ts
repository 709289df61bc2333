/**
 * The corpus planted in an emulator, with a CLI data directory whose one connection reaches it
 * (keys on stdin into the real keychain, the corpus' team field names), and each looked-up
 * session queried through the real SDK over HTTP.
 */
import { expect } from 'vitest';
import { runQueries } from '../../../main/services/correlation/queries/run-queries';
import { buildSessionQuery } from '../../../shared/session/query';
import { deriveTimeWindow } from '../../../shared/session/time-window';
import { DEFAULT_CREDENTIAL, startEmulator, type RunningEmulator } from '../cloudwatch-emulator/index';
import { orcw } from '../../integration/cli/support';
import { tempDataDir } from '../../integration/connections/support';
import { fastTuning, reference, target, tracker } from '../../integration/correlation/support';
import { eventKey, loadCorpus, plantCorpus, type Corpus } from './corpus';

export interface CorpusRun {
  corpus: Corpus;
  emulator: RunningEmulator;
  dataDir: string;
  looked: Corpus['truth']['sessions'];
  /** What a user pastes for each session: a token, an ID, a token, the reissued token. */
  pasted: Map<string, string>;
  /** Keys of the events each session's query returned. */
  found: Map<string, Set<string>>;
  stop(): Promise<void>;
}

export async function startCorpusRun(): Promise<CorpusRun> {
  const corpus = loadCorpus();
  const looked = corpus.truth.sessions.filter((s) => !s.decoy);
  const pasted = new Map(looked.map((s, i) => [s.name, i === 1 ? s.sessionId : s.tokens[s.tokens.length - 1]!]));
  const emulator = await startEmulator();
  plantCorpus(emulator, corpus);
  const dataDir = await tempDataDir();
  const add = await orcw(
    [
      'connections',
      'add',
      '--name',
      'corpus',
      '--region',
      'eu-west-1',
      ...corpus.logGroups.flatMap((g) => ['--log-group', g]),
      ...corpus.truth.teamFields.flatMap((f) => ['--session-id-field', f]),
      '--endpoint',
      emulator.url,
      '--access-key-id',
      DEFAULT_CREDENTIAL.accessKeyId,
      '--secret-access-key-stdin',
    ],
    { dataDir, input: `${DEFAULT_CREDENTIAL.secretAccessKey}\n` },
  );
  expect(add.stderr).toBe('');
  const found = new Map<string, Set<string>>();
  for (const session of looked) {
    const ref = reference(pasted.get(session.name)!);
    const queryString = buildSessionQuery(ref, { idFieldNames: corpus.truth.teamFields });
    const result = await runQueries([target(emulator, 'corpus', corpus.logGroups)], {
      queryString,
      window: deriveTimeWindow(ref, { now: Date.now() }),
      tracker: tracker(),
      tuning: fastTuning,
    });
    expect(result.failures).toEqual([]);
    const keys = result.batches.flatMap((b) =>
      b.rows.map((r) =>
        eventKey({
          logGroup: r['@log']!.split(':')[1]!,
          logStream: r['@logStream']!,
          timestamp: Date.parse(`${r['@timestamp']!.replace(' ', 'T')}Z`),
          message: r['@message']!,
        }),
      ),
    );
    found.set(session.name, new Set(keys));
  }
  return {
    corpus,
    emulator,
    dataDir,
    looked,
    pasted,
    found,
    async stop() {
      await orcw(['connections', 'remove', 'corpus'], { dataDir });
      await emulator.stop();
    },
  };
}

/** `orcw correlate <what the user pasted> --json`, parsed. */
export async function correlateJson<T>(run: CorpusRun, session: string): Promise<T> {
  const result = await orcw(['correlate', run.pasted.get(session)!, '--json'], { dataDir: run.dataDir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as T;
}
