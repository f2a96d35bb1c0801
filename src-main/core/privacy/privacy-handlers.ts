import type { EventPayload, PrivacyPrefs, RoomPrefs } from '../../contract';
import type { PreferencesRepository } from '../help/preferences-repository';

export type PrivacyChange = EventPayload<'privacy.changed'>;

/**
 * The privacy.* calls, and the one place that tells every window when privacy on screen changed
 * (the soften setting here, the privacy key through rooms.setPrefs), so a key chosen in Settings
 * works at once everywhere rather than after a reload. `preferences()` throws while locked.
 */
export function createPrivacyHandlers(deps: {
  preferences: () => PreferencesRepository;
  /** The room preferences as saved, where the privacy key lives. */
  roomPrefs: () => RoomPrefs;
  onChanged?: (change: PrivacyChange) => void;
}) {
  const prefs = (): PrivacyPrefs => ({ softenScreen: deps.preferences().softenScreen() });
  const announce = () => deps.onChanged?.({ privacyKey: deps.roomPrefs().privacyKey, ...prefs() });
  return {
    handlers: {
      'privacy.getPrefs': prefs,
      'privacy.setPrefs': ({ softenScreen }: PrivacyPrefs): PrivacyPrefs => {
        deps.preferences().setSoftenScreen(softenScreen);
        announce();
        return prefs();
      },
    },
    /** After the privacy key was saved (rooms.setPrefs). */
    announce,
  };
}
