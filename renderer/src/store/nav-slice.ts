import type { Slice } from './types';

export type Route = 'home' | 'session' | 'search' | 'connections' | 'settings' | 'setup';

export interface NavSlice {
  route: Route;
  navigate(route: Route): void;
  /** A connection whose form the connections page opens (a failure's "Edit connection"). */
  connectionToEdit: string | null;
  editConnection(id: string): void;
  connectionEditOpened(): void;
}

export const createNavSlice: Slice<NavSlice> = (set) => ({
  route: 'home',
  navigate: (route) => set({ route }),
  connectionToEdit: null,
  editConnection: (id) => set({ route: 'connections', connectionToEdit: id }),
  connectionEditOpened: () => set({ connectionToEdit: null }),
});
