/**
 * Turns program runs into the committed corpus: each run's output through each of its shippers
 * (one shape per shipper × program), every event with the log calls in it and the sessions whose
 * tag it carries, and the ground truth of every log call.
 */
import { createHash } from 'node:crypto';
import type { Captured } from './capture';
import type { Program } from './programs';
import type { CorpusSession, PlannedRequest } from './sessions';
import type { ShipContext } from './shippers/types';
import type { ProgramTruth, TruthError } from './truth';

export interface ProgramRun {
  program: Program;
  requests: PlannedRequest[];
  captured: Captured;
  truth: ProgramTruth;
  startedAt: number;
}

export interface CorpusEvent {
  event: { logGroup: string; logStream: string; timestamp: number; message: string };
  /** Index into the truth's shapes. */
  shape: number;
  /** `<program>:<n>.<k>` of the log calls whose output is in the event. */
  calls: string[];
  /** Names of the sessions whose tag the event carries (from one of their own log calls). */
  sessions: string[];
}

export interface CorpusShape {
  id: string;
  shipper: string;
  logger: string;
  runtime: string;
  program: string;
}

export interface CorpusCall {
  call: string;
  session: string;
  level: string;
  error?: TruthError;
}

export interface CorpusTruth {
  generatedAt: string;
  generator: string;
  versions: Record<string, string>;
  teamFields: string[];
  /** The temporary directory the programs ran in: the prefix of every application frame's file. */
  programsDir: string;
  sessions: CorpusSession[];
  shapes: CorpusShape[];
  calls: CorpusCall[];
}

const CALL_SPACING_MS = 25;

function contextFor(run: ProgramRun): ShipContext {
  const order = new Map(run.truth.calls.map((c, i) => [`${c.n}.${c.k}`, i]));
  return {
    service: run.program.id,
    timeOf: (call, offset) => run.startedAt + ((call === undefined ? -1 : (order.get(call) ?? -1)) + 1) * CALL_SPACING_MS + offset,
    hex: (label, length) => {
      let out = '';
      for (let i = 0; out.length < length; i++) out += createHash('sha256').update(`${run.program.id}/${label}/${i}`).digest('hex');
      return out.slice(0, length);
    },
  };
}

export function assembleCorpus(
  runs: ProgramRun[],
  sessions: CorpusSession[],
  meta: { workDir: string; teamFields: string[]; versions: Record<string, string>; generatedAt: number },
) {
  const byId = new Map(sessions.map((s) => [s.sessionId, s]));
  const events: CorpusEvent[] = [];
  const shapes: CorpusShape[] = [];
  const calls: CorpusCall[] = [];
  const counts: string[] = [];
  for (const run of runs) {
    const sessionOf = (call: string) => byId.get(run.truth.requests.get(Number(call.split('.')[0]))?.sessionId ?? '');
    for (const c of run.truth.calls) {
      const session = sessionOf(`${c.n}.${c.k}`);
      if (session !== undefined)
        calls.push({
          call: `${run.program.id}:${c.n}.${c.k}`,
          session: session.name,
          level: c.level,
          ...(c.error ? { error: c.error } : {}),
        });
    }
    for (const shipper of run.program.shippers(run.truth.lambdaRequestIds)) {
      const shape: CorpusShape = {
        id: `${shipper.name} × ${run.program.logger} × ${run.program.runtime}`,
        shipper: shipper.name,
        logger: run.program.logger,
        runtime: run.program.runtime,
        program: run.program.id,
      };
      shapes.push(shape);
      const shipped = shipper.ship(run.captured, contextFor(run));
      for (const e of shipped) {
        const owners = [...new Set(e.calls.map(sessionOf).filter((s): s is CorpusSession => s !== undefined))];
        const tagged = owners.filter((s) => e.raw.includes(s.sessionId) || s.tokens.some((t) => e.raw.includes(t)));
        events.push({
          event: { logGroup: e.logGroup, logStream: e.logStream, timestamp: e.timestamp, message: e.message },
          shape: shapes.length - 1,
          calls: e.calls.map((c) => `${run.program.id}:${c}`),
          sessions: tagged.map((s) => s.name),
        });
      }
      const mine = events.filter((x) => x.shape === shapes.length - 1);
      const bytes = mine.reduce((n, x) => n + JSON.stringify(x).length + 1, 0);
      counts.push(
        `${shape.id}: ${shipped.length} events, ${mine.filter((x) => x.sessions.length > 0).length} tagged, ${Math.round(bytes / 1024)} KiB`,
      );
    }
  }
  const truth: CorpusTruth = {
    generatedAt: new Date(meta.generatedAt).toISOString(),
    generator: 'scripts/real-logs/generate.ts',
    versions: meta.versions,
    teamFields: meta.teamFields,
    programsDir: meta.workDir,
    sessions,
    shapes,
    calls,
  };
  return { events, truth, summary: `${counts.join('\n')}\n${events.length} events in ${shapes.length} shapes\n` };
}
