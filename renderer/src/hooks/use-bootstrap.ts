import { useEffect } from 'react';
import { call } from '../lib/api';
import { useStore } from '../store/store';

/**
 * Loads settings and connections, and shows what main found wrong at start-up (a cache moved
 * aside, a memory-only cache). With no connection yet, the first screen is the guided setup.
 */
export function useBootstrap(): void {
  useEffect(() => {
    const { loadSettings, loadConnections, setAppVersion, pushNotice } = useStore.getState();
    void call((api) => api.appInfo()).then((result) => {
      if (!result.ok) return;
      setAppVersion(result.value.version);
      for (const notice of result.value.notices) pushNotice({ tone: 'error', message: notice.message, hint: notice.hint });
    });
    void loadSettings();
    void loadConnections().then(() => {
      const { connections, connectionsError, route, navigate } = useStore.getState();
      if (route === 'home' && !connectionsError && connections?.length === 0) navigate('setup');
    });
  }, []);
}
