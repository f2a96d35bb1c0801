import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { DEFAULT_PRIVACY_KEY } from '../../../src-main/contract/plain';
import { useApi } from '../api/api-context';
import { call } from '../api/call';

export interface PrivacyOnScreen {
  privacyKey: string;
  softenScreen: boolean;
}

/** The class on <html> that styles/soften.css keys on. */
export const SOFTEN_CLASS = 'soften-screen';

/**
 * The privacy key and "soften what's on screen" as saved, kept live: read once when the unlocked
 * app mounts, then followed through `privacy.changed`, which main sends to every window the moment
 * either is saved, so a key chosen in Settings works at once, in this window and any other (no
 * read again on each section change).
 */
export function usePrivacyPrefs(): PrivacyOnScreen {
  const api = useApi();
  const [prefs, setPrefs] = useState<PrivacyOnScreen>({
    privacyKey: DEFAULT_PRIVACY_KEY,
    softenScreen: false,
  });
  // An event that arrives while the first read is on its way is newer than what the read returns.
  const heard = useRef(false);

  useEffect(
    () =>
      api.on('privacy.changed', (change) => {
        heard.current = true;
        setPrefs(change);
      }),
    [api],
  );

  useEffect(() => {
    let live = true;
    void Promise.all([call(api, 'rooms.getPrefs', {}), call(api, 'privacy.getPrefs', {})]).then(
      ([rooms, privacy]) => {
        if (!live || heard.current) return;
        setPrefs((before) => ({
          privacyKey: rooms.ok ? rooms.value.privacyKey : before.privacyKey,
          softenScreen: privacy.ok ? privacy.value.softenScreen : before.softenScreen,
        }));
      },
    );
    return () => {
      live = false;
    };
  }, [api]);

  // On <html>, so the soft styles reach everything the window shows; gone when the app unmounts
  // (locked), since the lock screen has nothing to soften.
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.classList.toggle(SOFTEN_CLASS, prefs.softenScreen);
    return () => root.classList.remove(SOFTEN_CLASS);
  }, [prefs.softenScreen]);

  return prefs;
}
