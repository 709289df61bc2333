import type { Connection } from '../../../shared/domain/connection';
import { buildReplayUrl } from '../../../shared/session/replay-url';
import type { SessionReference } from '../../../shared/session/types';

/**
 * Replay links of a session: from the reference's own replay URL when the user gave one, else
 * from the first chosen connection with OpenReplay settings. `at(offsetMs)` adds `jumpto`, so a
 * group's link opens the replay at the moment of its first occurrence.
 */
export function replayLinks(reference: SessionReference, connections: readonly Connection[]) {
  const openReplay = connections.find((c) => c.openReplay !== undefined)?.openReplay;
  const safe = (jumpToMs: number | undefined): string | undefined => {
    try {
      return buildReplayUrl(reference, openReplay, jumpToMs);
    } catch {
      // A stale or odd OpenReplay setting must not cost the user the correlation itself.
      return undefined;
    }
  };
  return {
    session: safe(reference.jumpToMs),
    at: (offsetMs: number) => safe(Math.max(0, offsetMs)),
  };
}
