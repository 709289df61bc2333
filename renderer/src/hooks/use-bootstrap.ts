import { useEffect } from 'react';
import { useStore } from '../store/store';

/** Loads settings and connections; with no connection yet, the first screen is the guided setup. */
export function useBootstrap(): void {
  useEffect(() => {
    const { loadSettings, loadConnections } = useStore.getState();
    void loadSettings();
    void loadConnections().then(() => {
      const { connections, connectionsError, route, navigate } = useStore.getState();
      if (route === 'home' && !connectionsError && connections?.length === 0) navigate('setup');
    });
  }, []);
}
