// The privacy key itself is the whole app's (components/use-privacy-key); rooms re-export it.
export { usePrivacyKey } from '../../components/use-privacy-key';

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
