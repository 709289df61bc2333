import { once } from 'node:events';
import type { SessionView, ResponseMeta } from '../../shared/domain/session-view';
import type { CacheStore } from '../services/cache/cache-types';
import { renderMarkdownReport } from '../services/cache/markdown-report';
import { reportFromView } from '../services/cache/view-report';
import { writeResultJson } from '../services/correlation/result-json';
import { resultSummary } from '../services/correlation/result-summary';
import type { CliContext } from './command';

/** Events per page when streaming the JSON document: big enough to be cheap, small enough to hold. */
const JSON_PAGE = 2_000;

/**
 * Prints a run as `orcw correlate` and `orcw cache show` do: the summary, a Markdown report, or
 * the JSON document — streamed from the cache page by page, waiting for stdout to drain, so a
 * session of any size goes out in bounded memory.
 */
export async function printResult(
  context: CliContext,
  cache: CacheStore,
  view: SessionView,
  meta: ResponseMeta,
  format: 'json' | 'markdown' | 'summary',
): Promise<void> {
  if (format === 'summary') return context.out(resultSummary(view, meta));
  if (format === 'markdown')
    return context.out(renderMarkdownReport(reportFromView(view, cache), meta.cachedAt === undefined ? {} : { cachedAt: meta.cachedAt }));
  const stdout = context.io.stdout;
  const write = async (chunk: string) => {
    if (!stdout.write(chunk)) await once(stdout, 'drain');
  };
  await writeResultJson(write, view, view.run ? cache.eventPages(view.run.runId, { pageSize: JSON_PAGE }) : [], meta);
}
