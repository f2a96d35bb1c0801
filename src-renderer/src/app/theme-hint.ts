import type { Theme } from '../../../src-main/contract';

/**
 * The last theme the app showed, kept in the page's own storage so the very first frame of the
 * next start (before the host has answered) is already in it. A display preference, like the
 * window's size: nothing about the person. The settings store stays the source of truth.
 */
const THEME_HINT_KEY = 'stillroom.theme';

/** "light" or "dark" for <html data-theme>: "system" follows the operating system's preference. */
export function resolvedTheme(theme: Theme, win: Pick<Window, 'matchMedia'> = window): 'light' | 'dark' {
  if (theme !== 'system') return theme;
  return win.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function rememberTheme(theme: Theme): void {
  try {
    localStorage.setItem(THEME_HINT_KEY, theme);
  } catch {
    // Storage may be full or refused; the next start then waits for the host's answer instead.
  }
}

/** Puts the remembered theme on <html> at once, if there is one. */
export function applyRememberedTheme(win: Window = window): void {
  let theme: string | null;
  try {
    theme = win.localStorage.getItem(THEME_HINT_KEY);
  } catch {
    return;
  }
  if (theme === 'light' || theme === 'dark' || theme === 'system') {
    win.document.documentElement.dataset.theme = resolvedTheme(theme, win);
  }
}
