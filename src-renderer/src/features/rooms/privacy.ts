import { useEffect, useRef } from 'react';
import { DEFAULT_PRIVACY_KEY, matchesPrivacyKey, parsePrivacyKey } from '../../../../src-main/contract/plain';

/**
 * Calls `onPress` when the privacy key is pressed anywhere in the page. Listens in the capture
 * phase, so a focused text box or a form's own keys cannot swallow it first.
 */
export function usePrivacyKey(keyText: string | undefined, onPress: () => void): void {
  const latest = useRef(onPress);
  useEffect(() => {
    latest.current = onPress;
  });
  useEffect(() => {
    const parsed = parsePrivacyKey(keyText ?? DEFAULT_PRIVACY_KEY);
    const key = parsed.ok ? parsed.key : undefined;
    if (!key) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.repeat || !matchesPrivacyKey(key, event)) return;
      event.preventDefault();
      event.stopPropagation();
      latest.current();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [keyText]);
}

/**
 * Full screen for the room in the browser. Browsers only allow it straight after a click or key
 * press, and may refuse it (a setting, an iframe, a kiosk): the room works the same in the window.
 */
export function enterFullscreen(): void {
  const root = document.documentElement;
  if (document.fullscreenElement || typeof root.requestFullscreen !== 'function') return;
  try {
    root.requestFullscreen().catch(() => undefined);
  } catch {
    // Refused synchronously by an older engine: the room stays in the window.
  }
}

export function exitFullscreen(): void {
  if (!document.fullscreenElement || typeof document.exitFullscreen !== 'function') return;
  document.exitFullscreen().catch(() => undefined);
}
