import type { ErrorGroup } from '../../../shared/domain/correlation';

/** Most frequent first; ties broken by whichever happened first in the session. */
export function sortGroups(groups: readonly ErrorGroup[]): ErrorGroup[] {
  return [...groups].sort((a, b) => b.count - a.count || a.firstOffsetMs - b.firstOffsetMs || a.title.localeCompare(b.title));
}
