import { useEffect } from 'react';
import { useStore } from '../store/store';

/** 'system' leaves color-scheme to the OS (prefers-color-scheme); light/dark pin it. */
export function useTheme(): void {
  const theme = useStore((s) => s.settings.theme);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
}
