import type { LogEvent } from '../../../shared/domain/correlation';
import type { FollowStatus, FollowUpdate } from '../../../shared/domain/live-follow';
import { formatOffset, formatTimestamp } from '../../../shared/time/format-time';
import { defineCommand, type CliContext } from '../command';

/** Exit code of a follow ended by Ctrl-C, as shells report SIGINT (the lines are saved all the same). */
const EXIT_INTERRUPTED = 130;

export const follow = defineCommand({
  name: 'follow',
  summary: 'Print what the backend logs for a session as it is written (CloudWatch Logs Live Tail), until Ctrl-C.',
  usage: '<reference> [--connection N]… [--any-time] [--json]',
  positionals: ['reference'],
  options: {
    connection: {
      type: 'string',
      multiple: true,
      valueName: 'NAME',
      description: 'Follow only this connection (name or id); default: all.',
    },
    'any-time': { type: 'boolean', description: "Follow even when the session's window has passed (for a session reproduced later)." },
    json: { type: 'boolean', description: 'One JSON object per line: each new event, then the end.' },
  },
  details: [
    'The reference is a session token, a session ID, a replay URL or an orcw:// link.',
    'Live Tail is billed per minute while it is open: orcw stops it on Ctrl-C, when the session window ends, and after 3 hours (its limit).',
    'Lines are saved to the cache like a run. A dropped stream is resumed; the gap is filled by a Logs Insights query and marked so.',
    'Exit codes: 0 ended by itself (window passed or 3 hours), 1 failed, 2 bad usage, 130 stopped with Ctrl-C.',
  ].join('\n'),
  async run({ values, positionals }, context) {
    const { createCoreServices } = await import('../../services/app/core-services');
    let ended: (status: FollowStatus) => void = () => {};
    const end = new Promise<FollowStatus>((resolve) => (ended = resolve));
    const requestId = `cli-follow-${process.pid}-${Date.now()}`;
    const core = await createCoreServices({
      dataDir: context.dataDir,
      emitProgress: () => {},
      emitFollowUpdate: (update) => printUpdate(context, update, values.json === true),
      emitFollowStatus: (status) => {
        if (status.requestId !== requestId) return;
        if (status.state === 'resuming') context.err('note: the Live Tail stream dropped; resuming (the gap will be filled by a query)');
        if (status.state === 'ended') ended(status);
      },
    });
    let interrupted = false;
    const interrupt = () => {
      interrupted = true;
      void core.follow.stop({ requestId });
    };
    process.once('SIGINT', interrupt);
    try {
      for (const notice of core.notices) context.err(`warning: ${notice.message}\nhint: ${notice.hint}`);
      const connectionIds = values.connection
        ? await Promise.all(values.connection.map(async (name) => (await core.connections.findConnection(name)).id))
        : undefined;
      const started = await core.follow.start({
        requestId,
        reference: positionals[0] ?? '',
        anyTime: values['any-time'] === true,
        ...(connectionIds ? { connectionIds } : {}),
      });
      context.err(
        `following session ${started.view.session.id}: ${started.logGroups} log group(s) in ${started.tails} Live Tail session(s), until ${new Date(started.endsAt).toISOString()} or Ctrl-C`,
      );
      const status = await end;
      if (values.json) context.json({ end: status.reason, elapsedMs: status.elapsedMs, ...(status.error ? { error: status.error } : {}) });
      const saved = status.view ? `${status.view.eventCount} line(s) of the session in the cache` : 'nothing new to save';
      context.err(`stopped after ${Math.round(status.elapsedMs / 1000)} s (${reasonText(status)}); ${saved}`);
      if (status.error) {
        context.err(`error: ${status.error.message}\nhint: ${status.error.hint}`);
        return 1;
      }
      return interrupted ? EXIT_INTERRUPTED : 0;
    } finally {
      process.off('SIGINT', interrupt);
      core.close();
    }
  },
});

function printUpdate(context: CliContext, update: FollowUpdate, json: boolean): void {
  if (update.gap)
    context.err(
      `note: ${update.gap.lines} line(s) from a Logs Insights query over the gap ${iso(update.gap.from)} → ${iso(update.gap.to)}`,
    );
  if (update.sampled)
    context.err('note: Live Tail sampled this second down to 500 events: some lines of it are missing (a refresh later finds them)');
  for (const event of update.lines) {
    if (json) context.json(event);
    // context.out makes control characters visible: a log line cannot drive the terminal.
    else context.out(line(event));
  }
}

function line(event: LogEvent): string {
  return `${formatTimestamp(event.timestamp, 'utc')} ${formatOffset(event.offsetMs)} ${event.level.padEnd(5)} ${event.logGroup} ${event.logStream}\n  ${event.message.replace(/\n/g, '\n  ')}`;
}

function reasonText(status: FollowStatus): string {
  switch (status.reason) {
    case 'window-passed':
      return "the session's window has passed";
    case 'time-limit':
      return "Live Tail's 3-hour limit";
    case 'error':
      return 'an error';
    default:
      return 'stopped';
  }
}

const iso = (ms: number) => new Date(ms).toISOString();
