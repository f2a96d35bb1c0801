/*
 * The privacy key: one key combination that hides a session room at once. Plain TypeScript (no
 * zod), so the page, the core and the Electron shell all read it the same way.
 *
 * The default is Ctrl+Shift+Space. No common operating system binds it (Ctrl+Space and
 * Shift+Space switch input methods, Cmd+Space is Spotlight), it is one hand's reach, and it types
 * nothing into a text box. Ctrl+Alt+H was the other candidate, but Ctrl+Option is the VoiceOver
 * key on macOS (VO+H opens its help) and Ctrl+Alt is AltGr on many Windows keyboard layouts.
 */

export const DEFAULT_PRIVACY_KEY = 'Ctrl+Shift+Space';
export const PRIVACY_KEY_MAX_LENGTH = 40;

export interface PrivacyKey {
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
  /** 'A'…'Z', '0'…'9', 'F1'…'F12' or 'Space'. */
  key: string;
}

const MODIFIERS: Record<string, keyof Omit<PrivacyKey, 'key'>> = {
  ctrl: 'ctrl',
  control: 'ctrl',
  alt: 'alt',
  option: 'alt',
  shift: 'shift',
  meta: 'meta',
  cmd: 'meta',
  command: 'meta',
  super: 'meta',
};

/** Combinations that the system or every app already owns: taking them would break the user's habits. */
const RESERVED = new Set([
  'ctrl+A',
  'ctrl+C',
  'ctrl+V',
  'ctrl+X',
  'ctrl+Z',
  'ctrl+Y',
  'ctrl+S',
  'ctrl+P',
  'ctrl+F',
  'ctrl+W',
  'ctrl+Q',
  'ctrl+T',
  'ctrl+N',
  'ctrl+R',
  'ctrl+Space',
  'meta+Space',
  'meta+Q',
  'meta+W',
  'meta+C',
  'meta+V',
  'meta+X',
  'meta+Z',
  'meta+H',
  'meta+Tab',
  'alt+F4',
  'alt+Space',
  'ctrl+alt+Delete',
]);

function normaliseKey(raw: string): string | undefined {
  if (/^[a-z0-9]$/i.test(raw)) return raw.toUpperCase();
  if (/^f([1-9]|1[0-2])$/i.test(raw)) return raw.toUpperCase();
  if (/^space$/i.test(raw)) return 'Space';
  return undefined;
}

/** The key, or a sentence saying what is wrong with it (for the settings form and the Api). */
export function parsePrivacyKey(
  text: string,
): { ok: true; key: PrivacyKey } | { ok: false; message: string } {
  if (text.length > PRIVACY_KEY_MAX_LENGTH)
    return { ok: false, message: 'That key combination is too long.' };
  const parts = text
    .split('+')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length < 2) {
    return {
      ok: false,
      message: 'Use at least one of Ctrl, Alt or Cmd together with a key, such as Ctrl+Shift+Space.',
    };
  }
  const key: PrivacyKey = { ctrl: false, alt: false, shift: false, meta: false, key: '' };
  for (const part of parts.slice(0, -1)) {
    const modifier = MODIFIERS[part.toLowerCase()];
    if (!modifier) return { ok: false, message: `"${part.slice(0, 12)}" is not Ctrl, Alt, Shift or Cmd.` };
    if (key[modifier]) return { ok: false, message: 'Each of Ctrl, Alt, Shift and Cmd can appear once.' };
    key[modifier] = true;
  }
  const last = normaliseKey(parts[parts.length - 1] ?? '');
  if (!last) return { ok: false, message: 'End with a letter, a digit, F1 to F12, or Space.' };
  key.key = last;
  if (!key.ctrl && !key.alt && !key.meta) {
    return { ok: false, message: 'Include Ctrl, Alt or Cmd, so the key never types into a text box.' };
  }
  if (RESERVED.has(signature(key))) {
    return {
      ok: false,
      message: `${formatPrivacyKey(key)} is already used by your system or most apps. Choose another.`,
    };
  }
  return { ok: true, key };
}

function signature(key: PrivacyKey): string {
  return [key.ctrl && 'ctrl', key.alt && 'alt', key.shift && 'shift', key.meta && 'meta', key.key]
    .filter(Boolean)
    .join('+');
}

/** How people read it: "Ctrl+Shift+Space". */
export function formatPrivacyKey(key: PrivacyKey): string {
  return [key.ctrl && 'Ctrl', key.alt && 'Alt', key.shift && 'Shift', key.meta && 'Cmd', key.key]
    .filter(Boolean)
    .join('+');
}

/** Electron's accelerator syntax for globalShortcut: "Control+Shift+Space". */
export function toAccelerator(key: PrivacyKey): string {
  return [key.ctrl && 'Control', key.alt && 'Alt', key.shift && 'Shift', key.meta && 'Super', key.key]
    .filter(Boolean)
    .join('+');
}

/** The parts of a KeyboardEvent this needs (so it is testable without a DOM). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

/**
 * Whether a key press in the page is the privacy key. Compared by `code` (the physical key), so
 * Shift or a keyboard layout changing the character does not stop it working.
 */
export function matchesPrivacyKey(key: PrivacyKey, press: KeyPress): boolean {
  if (press.ctrlKey !== key.ctrl || press.altKey !== key.alt) return false;
  if (press.shiftKey !== key.shift || press.metaKey !== key.meta) return false;
  if (key.key === 'Space') return press.code === 'Space' || press.key === ' ';
  if (/^[A-Z]$/.test(key.key)) return press.code === `Key${key.key}`;
  if (/^[0-9]$/.test(key.key)) return press.code === `Digit${key.key}`;
  return press.code === key.key || press.key === key.key;
}

// ---- the room flow ------------------------------------------------------------------------------

/** arrive → session → wind-down → done. */
export const ROOM_PHASES = ['arrive', 'session', 'wind-down', 'done'] as const;
export type RoomPhase = (typeof ROOM_PHASES)[number];

/** How long a session can be; 5 minutes first, because lack of time is the main barrier. */
export const ROOM_LENGTHS = [5, 10, 15, 20, 30] as const;
export const WIND_DOWN_MINUTES = [1, 2, 3, 4, 5] as const;
/** After an early exit the wind-down is short, but still there. */
export const SHORT_WIND_DOWN_MINUTES = 1;

/** How someone feels, from 1 (very low) to 5 (very good): asked on arrival and again at the end. */
export const FEELING_LABELS = ['Very low', 'Low', 'Okay', 'Good', 'Very good'] as const;

export const ROOM_ADVANCES = ['begin-session', 'wind-down', 'exit-early', 'pause', 'hide', 'resume'] as const;
export type RoomAdvance = (typeof ROOM_ADVANCES)[number];

export const ROOM_ACTIVITY_KINDS = [
  'diary',
  'thought-record',
  'checkin',
  'breathing',
  'grounding',
  'course-step',
  'article',
] as const;

export const ROOM_LIMITS = {
  intention: 300,
  parkedThought: 300,
  parked: 20,
  takeAway: 500,
  draftFields: 20,
  draftKey: 40,
  draftValue: 4000,
} as const;
