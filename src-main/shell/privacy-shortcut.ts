import type { WebContents } from 'electron';
import {
  DEFAULT_PRIVACY_KEY,
  eventChannel,
  matchesPrivacyKey,
  parsePrivacyKey,
  type CallName,
} from '../contract';

/**
 * The privacy key in the main window, caught by the shell before the page sees it: a focused text
 * field, an editor's own shortcuts or a frame inside the page cannot swallow it. Only while
 * Stillroom's window is in front (`before-input-event`), so it takes nothing from other apps; the
 * session room's own global key (room-windows.ts) is a separate thing, and only while a room is open.
 */

/** The parts of Electron's `Input` this needs, so the decision is testable without Electron. */
export interface ShellKeyInput {
  type: string;
  key: string;
  code: string;
  control: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
  isAutoRepeat: boolean;
}

/**
 * Whether this input is a press of the saved privacy key. A saved key that no longer parses falls
 * back to the default, as the room's global key does, rather than leaving no way to hide. Key-up
 * and auto-repeat are not presses: holding the key must not flicker the cover on and off.
 */
export function isPrivacyKeyPress(input: ShellKeyInput, savedKey: string | undefined): boolean {
  if (input.type !== 'keyDown' || input.isAutoRepeat) return false;
  const parsed = parsePrivacyKey(savedKey ?? DEFAULT_PRIVACY_KEY);
  const fallback = parsePrivacyKey(DEFAULT_PRIVACY_KEY);
  const key = parsed.ok ? parsed.key : fallback.ok ? fallback.key : undefined;
  if (!key) return false;
  return matchesPrivacyKey(key, {
    key: input.key,
    code: input.code,
    ctrlKey: input.control,
    altKey: input.alt,
    shiftKey: input.shift,
    metaKey: input.meta,
  });
}

/** Calls after which the saved key can be read again (the vault was locked before them). */
const OPENS_THE_VAULT: ReadonlySet<string> = new Set<CallName>([
  'vault.create',
  'vault.unlock',
  'vault.recover',
  'vault.restore',
]);

export function opensTheVault(name: unknown): boolean {
  return typeof name === 'string' && OPENS_THE_VAULT.has(name);
}

/**
 * Watches one window's key presses. On the privacy key the page is told (`privacy.keyPressed`) and
 * the press goes no further, so the page's own listener does not toggle a second time.
 */
export function catchPrivacyKey(contents: WebContents, savedKey: () => string | undefined): void {
  contents.on('before-input-event', (event, input) => {
    if (!isPrivacyKeyPress(input, savedKey())) return;
    event.preventDefault();
    contents.send(eventChannel('privacy.keyPressed'), {});
  });
}
