/** Reads what a corpus program wrote about itself: its requests, log calls and failures. */
import { readFileSync } from 'node:fs';

export interface TruthFrame {
  file: string | null;
  line: number;
  function: string;
  /** Set where the runtime itself can tell (Java: the class has an application class loader). */
  app?: boolean;
}

export interface TruthError {
  type: string;
  message: string;
  frames: TruthFrame[];
  causes: Array<{ relation: string; type: string; message: string; frames: TruthFrame[] }>;
  /** False when the program's output cannot show the chain (the doc's monkeypatch, Lambda's unhandled-error record). */
  causesPrinted: boolean;
}

export interface TruthCall {
  n: number;
  k: number;
  level: string;
  error?: TruthError;
}

export interface ProgramTruth {
  requests: Map<number, { sessionId: string; style: string; scenario: string }>;
  calls: TruthCall[];
  lambdaRequestIds: Map<number, string>;
}

export function readTruth(file: string): ProgramTruth {
  const truth: ProgramTruth = { requests: new Map(), calls: [], lambdaRequestIds: new Map() };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as Record<string, unknown>;
    if (record.kind === 'request')
      truth.requests.set(record.n as number, {
        sessionId: record.sessionId as string,
        style: record.style as string,
        scenario: record.scenario as string,
      });
    else if (record.kind === 'call')
      truth.calls.push({
        n: record.n as number,
        k: record.k as number,
        level: record.level as string,
        ...(record.error ? { error: record.error as TruthError } : {}),
      });
    else if (record.kind === 'lambda-request') truth.lambdaRequestIds.set(record.n as number, record.requestId as string);
  }
  truth.calls.sort((a, b) => a.n - b.n || a.k - b.k);
  return truth;
}
