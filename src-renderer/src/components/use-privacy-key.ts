import { useEffect, useRef } from 'react';
import { DEFAULT_PRIVACY_KEY, matchesPrivacyKey, parsePrivacyKey } from '../../../src-main/contract/plain';

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
