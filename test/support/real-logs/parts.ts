/**
 * Measures what orcw understood of the corpus, per shape: for every failing log call of a
 * looked-up session, the event `orcw correlate --json` returned for it, against the ground truth
 * the program wrote — its level, its exception's type, its frames and its causes. A cell counts
 * only what the printed output can show: a type or a cause whose name the shipped lines never
 * contain (Go's `*fmt.wrapError`, a cause winston leaves out) is not counted for or against.
 */
import type { ParsedException } from '../../../shared/domain/log-parts';
import { isLibraryFrame } from '../../../main/services/correlation/log-shapes/frames';
import { stripTokenPrefix } from '../../../shared/session/session-tags';
import type { Corpus, CorpusEvent } from './corpus';

export interface OutputEvent {
  timestamp: string;
  logGroup: string;
  logStream: string;
  level: string;
  message: string;
  summary: string;
  exception?: ParsedException;
}

export interface PartsCell {
  calls: number;
  found: number;
  level: number;
  /** Calls whose type the output shows, and how many of them orcw named right. */
  typeShown: number;
  type: number;
  stack: number;
  causeShown: number;
  cause: number;
  /** Calls whose exception the program recorded application frames for. */
  withFrames: number;
  /** Calls whose exception the program recorded causes for. */
  withCauses: number;
  /** Recorded types and causes the shipped lines never name (why a cell may not apply). */
  typesUnprinted: Set<string>;
  causesUnprinted: Set<string>;
  problems: string[];
}

type TruthError = NonNullable<Corpus['truth']['calls'][number]['error']>;
interface TruthFrame {
  file: string;
  line: number;
  function: string;
}

const shortName = (fn: string): string => fn.split('.').pop() ?? fn;
const appFrames = (frames: readonly TruthFrame[]): string[] =>
  frames.filter((f) => !isLibraryFrame(`${f.function} (${f.file})`)).map((f) => `${shortName(f.function)}:${f.line}`);
const ourAppFrames = (exception: ParsedException | undefined): string[] =>
  (exception?.frames ?? []).filter((f) => f.app).map((f) => `${shortName(f.function ?? '<anonymous>')}:${f.line}`);

function flatCauses(e: { causes?: readonly unknown[] }): string[] {
  const out: string[] = [];
  for (const c of (e.causes ?? []) as { relation?: string; type: string; causes?: unknown[] }[])
    out.push(`${c.relation}:${c.type}`, ...flatCauses(c));
  return out;
}

function allCauses(e: { causes?: readonly unknown[] }): { type: string; message?: string }[] {
  const out: { type: string; message?: string }[] = [];
  for (const c of (e.causes ?? []) as { type: string; message?: string; causes?: unknown[] }[]) out.push(c, ...allCauses(c));
  return out;
}

const sameType = (ours: string | undefined, truth: string): boolean => ours === truth || (ours ?? '').endsWith(`.${truth}`);

/** The output event holding a call: same stream, its text holding the call's first line. */
function holderOf(events: readonly CorpusEvent[], output: readonly OutputEvent[]): OutputEvent | undefined {
  const first = events[0]!;
  const head = stripTokenPrefix(first.event.message.trimEnd().split(/\r?\n|\r/)[0] ?? '');
  const last = events[events.length - 1]!.event.timestamp;
  const candidates = output.filter((o) => {
    if (o.logGroup !== first.event.logGroup || o.logStream !== first.event.logStream) return false;
    const at = Date.parse(o.timestamp);
    return at >= first.event.timestamp && at <= last && o.message.includes(head);
  });
  return candidates.find((o) => o.exception) ?? candidates[0];
}

export function measureParts(corpus: Corpus, outputs: ReadonlyMap<string, readonly OutputEvent[]>): PartsCell[] {
  const cells: PartsCell[] = corpus.truth.shapes.map(() => ({
    calls: 0,
    found: 0,
    level: 0,
    typeShown: 0,
    type: 0,
    stack: 0,
    causeShown: 0,
    cause: 0,
    withFrames: 0,
    withCauses: 0,
    typesUnprinted: new Set<string>(),
    causesUnprinted: new Set<string>(),
    problems: [],
  }));
  const truth = new Map(corpus.truth.calls.map((c) => [c.call, c]));
  for (const [session, output] of outputs) {
    const byCall = new Map<string, CorpusEvent[]>();
    for (const e of corpus.events)
      for (const call of e.calls)
        if (truth.get(call)?.error) byCall.set(`${e.shape}\u0000${call}`, [...(byCall.get(`${e.shape}\u0000${call}`) ?? []), e]);
    for (const [key, events] of byCall) {
      const [shapeIndex, call] = key.split('\u0000') as [string, string];
      const want = truth.get(call)!;
      // Only this session's calls that the query can find: one of their lines carries its tag.
      if (want.session !== session || !events.some((e) => e.sessions.includes(session))) continue;
      const cell = cells[Number(shapeIndex)]!;
      const error = want.error as TruthError;
      const printed = events.map((e) => e.event.message).join('\n');
      cell.calls++;
      const frames = appFrames(error.frames as TruthFrame[]);
      const recordedCauses = allCauses(error as { causes?: unknown[] });
      if (frames.length > 0) cell.withFrames++;
      if (recordedCauses.length > 0) cell.withCauses++;
      const got = holderOf(events, output);
      if (!got) {
        cell.problems.push(`${call}: not found`);
        continue;
      }
      cell.found++;
      const level = want.level === 'warn' ? ['warn'] : want.level === 'fatal' ? ['fatal'] : ['error', 'fatal'];
      if (level.includes(got.level)) cell.level++;
      else cell.problems.push(`${call}: level ${got.level}, wanted ${want.level}`);
      if (printed.includes(error.type.replace(/^\*/, ''))) {
        cell.typeShown++;
        if (sameType(got.exception?.type, error.type)) cell.type++;
        else cell.problems.push(`${call}: type ${got.exception?.type}, wanted ${error.type}`);
      } else cell.typesUnprinted.add(error.type);
      const ours = ourAppFrames(got.exception);
      let k = 0;
      const inOrder = ours.every((frame) => {
        while (k < frames.length && frames[k] !== frame) k++;
        return k++ < frames.length;
      });
      if (frames.length === 0 ? ours.length === 0 : ours[0] === frames[0] && inOrder) cell.stack++;
      else cell.problems.push(`${call}: frames ${ours.join(' ')}, wanted ${frames.join(' ')}`);
      const causes = flatCauses(error as { causes?: unknown[] });
      // A cause is shown when its type and message are in the shipped lines.
      const shown = (c: { type: string; message?: string }) =>
        printed.includes(c.type.replace(/^\*/, '')) && (!c.message || printed.includes(c.message));
      for (const c of recordedCauses) if (!shown(c)) cell.causesUnprinted.add(c.type);
      if (recordedCauses.every(shown)) {
        cell.causeShown++;
        const mine = flatCauses(got.exception ?? {}).map((c) => c.replace(/:(?:[\w$]+\.)+(?=\w+$)/, ':'));
        if (mine.join(' ') === causes.map((c) => c.replace(/:(?:[\w$]+\.)+(?=\w+$)/, ':')).join(' ')) cell.cause++;
        else cell.problems.push(`${call}: causes [${flatCauses(got.exception ?? {}).join(' ')}], wanted [${causes.join(' ')}]`);
      }
    }
  }
  return cells;
}
