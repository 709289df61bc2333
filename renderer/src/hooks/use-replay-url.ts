import { useCallback } from 'react';
import type { SessionInfo } from '../../../shared/domain/correlation';
import { buildReplayUrl } from '../../../shared/session/reference';
import { useStore } from '../store/store';

/**
 * The replay page at a moment: the session's own replay URL when it came with one, else built
 * from the OpenReplay settings of the connection that logged the line (or any connection).
 */
export function useReplayUrl(session: SessionInfo): (offsetMs?: number, connectionId?: string) => string | undefined {
  const connections = useStore((s) => s.connections);
  return useCallback(
    (offsetMs, connectionId) => {
      const own = connections?.find((c) => c.id === connectionId)?.openReplay;
      const any = connections?.find((c) => c.openReplay)?.openReplay;
      try {
        return buildReplayUrl(
          { sessionId: session.id, ...(session.replayUrl !== undefined && { replayUrl: session.replayUrl }) },
          own ?? any,
          offsetMs === undefined ? undefined : Math.max(0, offsetMs),
        );
      } catch {
        // A malformed stored URL or setting: no link rather than a broken one.
        return undefined;
      }
    },
    [connections, session.id, session.replayUrl],
  );
}
