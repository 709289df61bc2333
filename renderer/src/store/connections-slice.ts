import type { ConnectionView } from '../../../shared/domain/connection';
import type { AppErrorValue } from '../../../shared/errors';
import { call } from '../lib/api';
import type { Slice } from './types';

export interface ConnectionsSlice {
  /** null until the first load answers. */
  connections: ConnectionView[] | null;
  connectionsError: AppErrorValue | null;
  loadConnections(): Promise<void>;
}

export const createConnectionsSlice: Slice<ConnectionsSlice> = (set) => ({
  connections: null,
  connectionsError: null,
  loadConnections: async () => {
    const result = await call((api) => api.listConnections());
    if (result.ok) set({ connections: result.value, connectionsError: null });
    else set({ connectionsError: result.error, connections: [] });
  },
});
