import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { AppSettings, Result, StillroomBridge, Theme } from '../../../src-main/contract';
import { call } from '../api/call';
import { rememberTheme, resolvedTheme } from './theme-hint';

/** The settings asked for before the first render (`connect.ts`), and their answer if it came. */
export interface EarlySettings {
  pending: Promise<Result<AppSettings>>;
  settled?: AppSettings;
}

/**
 * The chosen theme, applied to <html data-theme> before the first frame is painted. "system"
 * follows the operating system's light or dark preference, and keeps following it when it
 * changes. Without an Api (no token) it is "system".
 */
export function useTheme(api: StillroomBridge | undefined, early?: EarlySettings) {
  const [theme, setTheme] = useState<Theme>(early?.settled?.theme ?? 'system');
  const [error, setError] = useState<string>();
  // The first answer is used once: one that came before the first render is already in `theme`,
  // one still on its way is awaited rather than asked for again.
  const firstAnswer = useRef<Promise<Result<AppSettings>> | 'settled' | undefined>(
    early?.settled ? 'settled' : early?.pending,
  );

  // Set once a change arrives or the user chooses: a slower first answer must not undo it.
  const decided = useRef(false);

  useEffect(() => {
    if (!api) return;
    let live = true;
    const first = firstAnswer.current;
    firstAnswer.current = undefined;
    const answer = first === 'settled' ? undefined : (first ?? call(api, 'settings.get', {}));
    void answer?.then((result) => {
      if (!live || decided.current) return;
      if (result.ok) setTheme(result.value.theme);
      else setError(result.error.message);
    });
    const off = api.on('settings.changed', (settings) => {
      decided.current = true;
      setTheme(settings.theme);
    });
    return () => {
      live = false;
      off();
    };
  }, [api]);

  // A layout effect: the theme is on <html> before the browser paints. It is remembered for the
  // first frame of the next start (theme-hint.ts).
  useLayoutEffect(() => {
    const root = document.documentElement;
    rememberTheme(theme);
    root.dataset.theme = resolvedTheme(theme);
    if (theme !== 'system') return;
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = () => {
      root.dataset.theme = resolvedTheme('system');
    };
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, [theme]);

  const chooseTheme = useCallback(
    async (next: Theme) => {
      if (!api) return;
      // Show the choice at once; go back to what was saved if it could not be stored.
      decided.current = true;
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
