import { DEFAULT_PRIVACY_KEY, parsePrivacyKey, toAccelerator } from '../../contract';

/**
 * The accelerator the shell registers for the privacy key. A stored key that no longer parses
 * (edited by hand, or from an older version) falls back to the default rather than leaving the
 * room without a way to hide it.
 */
export function privacyAccelerator(stored: string | undefined): { accelerator: string; fellBack: boolean } {
  const parsed = parsePrivacyKey(stored ?? DEFAULT_PRIVACY_KEY);
  if (parsed.ok) return { accelerator: toAccelerator(parsed.key), fellBack: false };
  const fallback = parsePrivacyKey(DEFAULT_PRIVACY_KEY);
  if (!fallback.ok) throw new Error('The default privacy key does not parse.');
  return { accelerator: toAccelerator(fallback.key), fellBack: true };
}

export interface RoomScreenState {
  /** A room is open (not ended). */
  open: boolean;
  /** The room window and curtains are on screen. */
  shown: boolean;
}

/**
 * What pressing the privacy key does: hide everything at once when the room is showing; show
 * it again (on its neutral screen, where one more press or Continue resumes) when it is hidden;
 * nothing when no room is open (the key is only registered while one is, but presses can race).
 */
export function privacyKeyAction(state: RoomScreenState): 'hide' | 'show' | 'ignore' {
  if (!state.open) return 'ignore';
  return state.shown ? 'hide' : 'show';
}

/**
 * What the room windows should do when the room changes (started, moved on, ended). At the end
 * the curtains go and the key is freed, but the room window stays until the person has their
 * parked thoughts back and closes it.
 */
export function roomChangeAction(
  state: RoomScreenState,
  room: { phase: string; pauseReason: string | null } | null,
): 'open' | 'end' | 'keep' {
  if (!room || room.phase === 'done') return state.open ? 'end' : 'keep';
  // Hidden by the privacy key: stay hidden until the person brings it back.
  if (room.pauseReason === 'hidden') return 'keep';
  return state.shown ? 'keep' : 'open';
}
