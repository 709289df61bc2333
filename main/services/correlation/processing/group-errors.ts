import type { ErrorGroup, LogEvent } from '../../../../shared/domain/correlation';
import { describeError, type ErrorDescription } from '../log-shapes/describe-error';
import { isErrorLevel, maxLevel } from '../log-shapes/levels';
import { fingerprintError } from './fingerprint';
import type { ProcessOptions, WorkEvent } from './types';

interface Building {
  group: ErrorGroup;
  /** Input position of the sample: of two events in one millisecond, the earlier-arrived one is first. */
  sampleOrder: number;
  sample: LogEvent;
}

/**
 * Groups the error events (level error or fatal — a stack trace with no stated level counts as
 * an error, a warning with one does not) by fingerprint, and stamps the fingerprint on each
 * event. Events may come in any order across streams (a stream hands an event on only once its
 * trace is complete): a group's first occurrence is its earliest event, whenever that arrives.
 * Context lines are left empty: fetching them needs the network (the context stage, main/services/correlation/context/).
 */
export class GroupBuilder {
  private readonly building = new Map<string, Building>();

  constructor(private readonly options: ProcessOptions) {}

  add(work: WorkEvent): void {
    const { event } = work;
    if (!isErrorLevel(event.level)) return;
    const description =
      work.description ?? describeError({ level: event.level, body: work.body, ...(work.record && { record: work.record }) });
    const { fingerprint, title } = fingerprintError(description);
    event.fingerprint = fingerprint;
    const known = this.building.get(fingerprint);
    if (!known) {
      const group: ErrorGroup = {
        fingerprint,
        level: event.level,
        count: 1,
        lastSeen: event.timestamp,
        offsetsMs: [event.offsetMs],
        ...firstOccurrence(event, title, description, this.options),
      };
      this.building.set(fingerprint, { group, sampleOrder: work.order, sample: event });
      return;
    }
    const { group } = known;
    group.count++;
    group.lastSeen = Math.max(group.lastSeen, event.timestamp);
    group.offsetsMs.push(event.offsetMs);
    group.level = maxLevel(group.level, event.level);
    if (event.timestamp < group.firstSeen || (event.timestamp === group.firstSeen && work.order < known.sampleOrder)) {
      delete group.stack;
      delete group.replayUrl;
      delete group.exception;
      Object.assign(group, firstOccurrence(event, title, description, this.options));
      known.sampleOrder = work.order;
      known.sample = event;
    }
  }

  /** The sample (first occurrence) of each group, for fetching its context lines. */
  sampleOf(fingerprint: string): LogEvent | undefined {
    return this.building.get(fingerprint)?.sample;
  }

  /** Most frequent first, then earliest; offsets in time order. */
  groups(): ErrorGroup[] {
    const groups = [...this.building.values()].map(({ group }) => ({ ...group, offsetsMs: [...group.offsetsMs].sort((a, b) => a - b) }));
    return groups.sort((a, b) => b.count - a.count || a.firstSeen - b.firstSeen || (a.fingerprint < b.fingerprint ? -1 : 1));
  }
}

/** The fields of a group that come from its first occurrence. */
function firstOccurrence(event: LogEvent, title: string, description: ErrorDescription, options: ProcessOptions) {
  const fields = {
    title,
    type: description.type,
    firstSeen: event.timestamp,
    firstOffsetMs: event.offsetMs,
    sampleEventId: event.id,
    connection: event.connection,
    logGroup: event.logGroup,
    logStream: event.logStream,
    frames: description.frames,
    contextBefore: [],
    contextAfter: [],
  } satisfies Partial<ErrorGroup>;
  const replayUrl = options.replayUrlAt?.(event.offsetMs);
  return {
    ...fields,
    ...(description.stack === undefined ? {} : { stack: description.stack }),
    ...(description.exception ? { exception: description.exception } : {}),
    ...(replayUrl === undefined ? {} : { replayUrl }),
  };
}
