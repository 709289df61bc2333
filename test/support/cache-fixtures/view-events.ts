import type { CacheStore } from '../../../main/services/cache/cache-types';
import type { LogEvent } from '../../../shared/domain/correlation';
import type { SessionView } from '../../../shared/domain/session-view';

/** Every event of a view's run, read back from the cache page by page (as the renderer and the CLI do). */
export function eventsOf(cache: Pick<CacheStore, 'eventPages'>, view: SessionView): LogEvent[] {
  return view.run ? [...cache.eventPages(view.run.runId)].flat() : [];
}
