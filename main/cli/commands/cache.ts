import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { searchQuerySchema, type SessionSummary } from '../../../shared/domain/cache';
import { levelSchema } from '../../../shared/domain/correlation';
import { AppError } from '../../../shared/errors';
import { formatTimestamp } from '../../../shared/time/format-time';
import { parseSessionReference } from '../../../shared/session/parse-reference';
import type { CacheStore } from '../../services/cache/cache-store';
import { PRIVATE_FILE_MODE } from '../../services/config/private-files';
import { readSessionFile } from '../../services/files/read-session-file';
import { UsageError, defineCommand, type CliContext } from '../command';
import { formatBytes } from '../../../shared/format/quantities';
import { table } from '../format';
import { printResult } from '../print-result';

const iso = (ms: number) => formatTimestamp(ms, 'utc');

/** The cache needs no keychain or network: `orcw cache …` works on a plane. */
async function withCache<T>(context: CliContext, use: (cache: CacheStore) => Promise<T> | T): Promise<T> {
  const [{ createSettingsStore }, { openCache }, { makeDataDirPrivate }] = await Promise.all([
    import('../../services/settings/settings-store'),
    import('../../services/cache/cache-store'),
    import('../../services/config/private-files'),
  ]);
  makeDataDirPrivate(context.dataDir);
  const settings = await createSettingsStore(context.dataDir).get();
  const opened = openCache({ dataDir: context.dataDir, capBytes: settings.cacheCapBytes });
  if (opened.warning) context.err(`warning: ${opened.warning.message}\nhint: ${opened.warning.hint}`);
  try {
    return await use(opened.store);
  } finally {
    opened.store.close();
  }
}

function sessionIdOf(reference: string): string {
  const parsed = parseSessionReference(reference);
  if (!parsed.ok) throw new AppError(parsed.error.code, parsed.error.message, parsed.error.hint);
  return parsed.value.sessionId;
}

function notCached(sessionId: string): AppError {
  return new AppError(
    'NOT_FOUND',
    `Session ${sessionId} is not in the local cache.`,
    'Correlate it first: orcw correlate <reference>. See what is cached: orcw cache list.',
  );
}

export const cacheList = defineCommand({
  name: 'cache list',
  summary: 'List the cached sessions (most recently viewed first) and the cache size.',
  usage: '[--limit N] [--json]',
  options: {
    limit: { type: 'string', valueName: 'N', description: 'At most N sessions (default 50, at most 500).' },
    json: { type: 'boolean', description: 'Print the sessions and cache statistics as JSON.' },
  },
  run: ({ values }, context) =>
    withCache(context, (cache) => {
      const sessions = cache.listSessions(wholeNumber('--limit', values.limit, 1, 500) ?? 50);
      const stats = cache.stats();
      if (values.json) return context.json({ sessions, stats });
      if (sessions.length === 0) context.out('The cache is empty. Correlate a session first: orcw correlate <reference>');
      else context.out(table(['SESSION', 'STARTED', 'CACHED', 'EVENTS', 'GROUPS', 'COMPLETE', 'TOP ERROR'], sessions.map(row)));
      context.out(
        `${stats.sessions} session(s), ${stats.events} events, ${formatBytes(stats.sizeBytes)} of ${formatBytes(stats.capBytes)}${stats.memoryOnly ? ' (in memory only)' : ''}.`,
      );
    }),
});

function row(s: SessionSummary): string[] {
  return [
    s.sessionId,
    iso(s.start),
    iso(s.cachedAt),
    String(s.eventCount),
    String(s.errorGroupCount),
    s.complete ? 'yes' : 'NO',
    (s.topErrors[0] ?? '-').slice(0, 80),
  ];
}

export const cacheShow = defineCommand({
  name: 'cache show',
  summary: 'Show a cached session (no network).',
  usage: '<reference> [--json | --markdown]',
  positionals: ['reference'],
  options: {
    json: { type: 'boolean', description: 'Print the session as JSON (the orcw correlate --json shape).' },
    markdown: { type: 'boolean', description: 'Print a Markdown report.' },
  },
  run: ({ values, positionals }, context) =>
    withCache(context, async (cache) => {
      if (values.json && values.markdown) throw new UsageError('--json and --markdown cannot be combined');
      const sessionId = sessionIdOf(positionals[0] ?? '');
      const opened = cache.openView(sessionId);
      if (!opened) throw notCached(sessionId);
      await printResult(
        context,
        cache,
        opened.view,
        { source: 'cache', cachedAt: opened.cachedAt },
        values.json ? 'json' : values.markdown ? 'markdown' : 'summary',
      );
    }),
});

export const cacheSearch = defineCommand({
  name: 'cache search',
  summary: 'Full-text search over every cached event.',
  usage: '<text> [--session REF] [--level L] [--log-group G] [--limit N] [--json]',
  positionals: ['text'],
  options: {
    session: { type: 'string', valueName: 'REF', description: 'Only this session (token, ID, replay URL or link).' },
    level: { type: 'string', valueName: 'L', description: `Only this level: ${levelSchema.options.join(', ')}.` },
    'log-group': { type: 'string', valueName: 'G', description: 'Only this log group.' },
    limit: { type: 'string', valueName: 'N', description: 'At most N hits (default 100, at most 1000).' },
    json: { type: 'boolean', description: 'Print the hits as JSON.' },
  },
  run: ({ values, positionals }, context) =>
    withCache(context, (cache) => {
      const level = values.level === undefined ? undefined : levelSchema.safeParse(values.level.toLowerCase());
      if (level && !level.success) throw new UsageError(`--level must be one of ${levelSchema.options.join(', ')}`);
      const query = searchQuerySchema.safeParse({
        text: positionals[0] ?? '',
        ...(values.session === undefined ? {} : { sessionId: sessionIdOf(values.session) }),
        ...(level?.success ? { level: level.data } : {}),
        ...(values['log-group'] === undefined ? {} : { logGroup: values['log-group'] }),
        limit: wholeNumber('--limit', values.limit, 1, 1000) ?? 100,
      });
      if (!query.success) throw new UsageError('the search text must be at most 1,000 characters and a log group at most 512');
      const hits = cache.search(query.data);
      if (values.json) return context.json(hits);
      if (hits.length === 0) return context.out('No cached event matches.');
      const oneLine = (text: string) => text.replace(/\s*\r?\n\s*/g, ' ').slice(0, 120);
      context.out(
        table(
          ['TIME', 'LEVEL', 'SESSION', 'LOG GROUP', 'MESSAGE'],
          hits.map((h) => [iso(h.timestamp), h.level, h.sessionId, h.logGroup, oneLine(h.message)]),
        ),
      );
      context.out(`${hits.length} hit(s).`);
    }),
});

export const cacheExport = defineCommand({
  name: 'cache export',
  summary: 'Export a cached session as JSON (re-importable) or a Markdown report.',
  usage: '<reference> --format json|md [-o FILE]',
  positionals: ['reference'],
  options: {
    format: { type: 'string', valueName: 'json|md', description: 'json: complete and re-importable; md: a report for an issue tracker.' },
    output: { type: 'string', short: 'o', valueName: 'FILE', description: 'Write to FILE instead of stdout.' },
  },
  run: ({ values, positionals }, context) =>
    withCache(context, async (cache) => {
      if (values.format !== 'json' && values.format !== 'md') throw new UsageError('--format must be json or md');
      const sessionId = sessionIdOf(positionals[0] ?? '');
      const exported = cache.exportSession(sessionId, values.format);
      if (values.output === undefined) {
        // JSON stays exact (it escapes control characters itself); a report shown in a terminal must not drive it.
        const text = exported.content.endsWith('\n') ? exported.content.slice(0, -1) : exported.content;
        if (values.format === 'json') context.io.stdout.write(`${text}\n`);
        else context.out(text);
        return;
      }
      // Private like the cache it comes from (a new file; an existing one keeps the mode its owner chose).
      await writeFile(values.output, exported.content, { flag: 'w', mode: PRIVATE_FILE_MODE });
      context.err(`Wrote ${path.resolve(values.output)} (${formatBytes(Buffer.byteLength(exported.content))}).`);
    }),
});

export const cacheImport = defineCommand({
  name: 'cache import',
  summary: 'Import a session exported with orcw cache export --format json.',
  usage: '<file>',
  positionals: ['file'],
  options: {},
  run: ({ positionals }, context) =>
    withCache(context, async (cache) => {
      const file = positionals[0] ?? '';
      const { summary, duplicate } = cache.importSession(await readSessionFile(file));
      const what = `session ${summary.sessionId}: ${summary.eventCount} events, ${summary.errorGroupCount} error group(s)${summary.complete ? '' : ' (incomplete run)'}`;
      context.out(duplicate ? `Already cached, nothing added: ${what}.` : `Imported ${what}.`);
    }),
});

export const cacheClear = defineCommand({
  name: 'cache clear',
  summary: 'Delete every cached session.',
  usage: '',
  options: {},
  run: (_args, context) =>
    withCache(context, (cache) => {
      const before = cache.stats();
      cache.clear();
      context.out(`Cleared the cache: ${before.sessions} session(s), ${formatBytes(before.sizeBytes)}.`);
    }),
});

function wholeNumber(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}`);
  return n;
}
