import { useCallback, useEffect, useState } from 'react';
import type { StillroomBridge, Theme } from '../../../src-main/contract';

/**
 * The chosen theme, applied to <html data-theme>. "system" follows the operating system's light
 * or dark preference, and keeps following it when it changes. Without an Api (no token) it is
 * "system".
 */
export function useTheme(api: StillroomBridge | undefined) {
  const [theme, setTheme] = useState<Theme>('system');
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!api) return;
    let live = true;
    void api.calls['settings.get']({}).then((result) => {
      if (!live) return;
      if (result.ok) setTheme(result.value.theme);
      else setError(result.error.message);
    });
    const off = api.on('settings.changed', (settings) => setTheme(settings.theme));
    return () => {
      live = false;
      off();
    };
  }, [api]);

  useEffect(() => {
    const root = document.documentElement;
    if (theme !== 'system') {
      root.dataset.theme = theme;
      return;
    }
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = () => {
      root.dataset.theme = query.matches ? 'dark' : 'light';
    };
    follow();
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, [theme]);

  const chooseTheme = useCallback(
    async (next: Theme) => {
      if (!api) return;
      // Show the choice at once; go back to what was saved if it could not be stored.
      const previous = theme;
      setTheme(next);
      const result = await api.calls['settings.update']({ theme: next });
      if (result.ok) {
        setTheme(result.value.theme);
        setError(undefined);
      } else {
        setTheme(previous);
        setError(result.error.message);
      }
    },
    [api, theme],
  );

  return { theme, chooseTheme, error };
}
