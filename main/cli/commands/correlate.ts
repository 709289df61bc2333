import type { CorrelationProgress } from '../../../shared/domain/correlation';
import { AppError } from '../../../shared/errors';
import { parseSessionReference } from '../../../shared/session/parse-reference';
import { WINDOW_RULE, extendsBeyondSession } from '../../../shared/session/window-bound';
import { formatBytes } from '../../../shared/format/quantities';
import { UsageError, defineCommand, type CliContext } from '../command';
import { printResult } from '../print-result';

/** Exit code of a run cut short by Ctrl-C, as shells report SIGINT. */
const EXIT_INTERRUPTED = 130;

export const correlate = defineCommand({
  name: 'correlate',
  summary: 'Find what the backend logged during an OpenReplay session (cached runs are reused).',
  usage: '<reference> [--connection N]… [--from ISO --to ISO] [--json | --markdown] [--refresh | --offline]',
  positionals: ['reference'],
  options: {
    connection: {
      type: 'string',
      multiple: true,
      valueName: 'NAME',
      description: 'Search only this connection (name or id); default: all.',
    },
    from: {
      type: 'string',
      valueName: 'ISO',
      description: `Window start, e.g. 2024-01-23T10:00:00Z (default: session start − margin). Cap: ${WINDOW_RULE}.`,
    },
    to: { type: 'string', valueName: 'ISO', description: 'Window end (default: session end + margin, at most now).' },
    json: { type: 'boolean', description: 'Print the whole result as one JSON object.' },
    markdown: { type: 'boolean', description: 'Print a Markdown report (for an issue tracker).' },
    refresh: { type: 'boolean', description: 'Query CloudWatch again even when the session is cached (only what is not covered).' },
    offline: { type: 'boolean', description: 'Use the local cache only; never touch the network.' },
  },
  details: [
    'The reference is a session token, a session ID, a replay URL or an orcw:// link.',
    `An orcw:// link whose from/to reach beyond the session's own window is refused unless you pass --from and --to yourself; either way ${WINDOW_RULE}.`,
    'Exit codes: 0 complete, 1 failed or incomplete (the result is still printed), 2 bad usage, 130 interrupted.',
    'Progress goes to stderr when it is a terminal; Ctrl-C stops every running query.',
  ].join('\n'),
  async run({ values, positionals }, context) {
    if (values.json && values.markdown) throw new UsageError('--json and --markdown cannot be combined');
    if (values.refresh && values.offline) throw new UsageError('--refresh and --offline cannot be combined');
    const from = parseTime('--from', values.from);
    const to = parseTime('--to', values.to);
    const progress = progressPrinter(context);
    const { createCoreServices } = await import('../../services/app/core-services');
    const core = await createCoreServices({ dataDir: context.dataDir, emitProgress: progress.show });
    const requestId = `cli-${process.pid}-${Date.now()}`;
    const interrupt = () => core.sessions.cancel({ requestId });
    process.once('SIGINT', interrupt);
    try {
      for (const notice of core.notices) context.err(`warning: ${notice.message}\nhint: ${notice.hint}`);
      const { marginMinutes } = await core.settings.get();
      checkLinkWindow(positionals[0] ?? '', { from, to }, marginMinutes * 60_000);
      const connectionIds = values.connection
        ? await Promise.all(values.connection.map(async (name) => (await core.connections.findConnection(name)).id))
        : undefined;
      const response = await core.sessions.correlate({
        requestId,
        reference: positionals[0] ?? '',
        ...(connectionIds ? { connectionIds } : {}),
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
        mode: values.offline ? 'offline' : values.refresh ? 'refresh' : 'cache-first',
      });
      progress.clear();
      const { result } = response;
      await printResult(context, core.cache, result, response, values.json ? 'json' : values.markdown ? 'markdown' : 'summary');
      if (response.offline && (values.json || values.markdown)) context.err(`note: ${response.offline.message}`);
      if (!result.complete) {
        context.err(`error: the result is incomplete: ${result.failures.length} part(s) failed (listed in the output)`);
        return 1;
      }
      return 0;
    } catch (error) {
      progress.clear();
      if (error instanceof AppError && error.code === 'CANCELLED') {
        context.err('Cancelled: every running query was stopped; nothing was cached.');
        return EXIT_INTERRUPTED;
      }
      throw error;
    } finally {
      process.off('SIGINT', interrupt);
      core.close();
    }
  },
});

function parseTime(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  // Only full ISO 8601 instants: "10:00" or a bare date would silently mean local time.
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/.test(value);
  const time = ok ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) throw new UsageError(`${flag} must be an ISO 8601 time with a zone, e.g. 2024-01-23T10:00:00Z`);
  return time;
}

/**
 * A link is someone else's choice of window: one reaching past the session's own
 * `[start − margin, end + margin]` runs only when the user states the window (--from and --to).
 */
function checkLinkWindow(reference: string, own: { from?: number; to?: number }, marginMs: number): void {
  const parsed = parseSessionReference(reference);
  if (!parsed.ok || parsed.value.kind !== 'deep-link') return; // the service reports a bad reference itself
  if (own.from !== undefined && own.to !== undefined) return;
  if (!extendsBeyondSession(parsed.value, parsed.value, marginMs)) return;
  throw new UsageError(
    `the link asks for a window beyond the session's own (${iso(parsed.value.start - marginMs)} → ${iso(parsed.value.end + marginMs)}); pass --from and --to to choose the window yourself (${WINDOW_RULE})`,
  );
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** One self-overwriting status line on stderr, only when stderr is a terminal (never in pipes or logs). */
function progressPrinter(context: CliContext) {
  const stderr = context.io.stderr as NodeJS.WritableStream & { isTTY?: boolean };
  const tty = stderr.isTTY === true;
  let shown = false;
  return {
    show(progress: CorrelationProgress) {
      if (!tty) return;
      const running = progress.queries.filter((q) => q.status === 'Running' || q.status === 'Scheduled').length;
      const { totals } = progress;
      const line = `${progress.phase}: ${totals.queries} queries (${running} running), ${formatBytes(totals.bytesScanned)} scanned, ${totals.recordsMatched} matched, ≈ $${totals.costUsd.toFixed(6)}`;
      stderr.write(`\r\u001b[2K${line}`);
      shown = true;
    },
    clear() {
      if (shown) stderr.write('\r\u001b[2K');
      shown = false;
    },
  };
}
