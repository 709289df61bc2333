import type { Slice } from './types';

export type Route = 'home' | 'session' | 'search' | 'connections' | 'settings' | 'setup';

export interface NavSlice {
  route: Route;
  navigate(route: Route): void;
}

export const createNavSlice: Slice<NavSlice> = (set) => ({
  route: 'home',
  navigate: (route) => set({ route }),
});
