import { describe, expect, it } from 'vitest';
import type { WebContents } from 'electron';
import { eventChannel } from '../../src-main/contract';
import {
  catchPrivacyKey,
  isPrivacyKeyPress,
  opensTheVault,
  type ShellKeyInput,
} from '../../src-main/shell/privacy-shortcut';

const input = (extra: Partial<ShellKeyInput>): ShellKeyInput => ({
  type: 'keyDown',
  key: '',
  code: '',
  control: false,
  alt: false,
  shift: false,
  meta: false,
  isAutoRepeat: false,
  ...extra,
});

const ctrlShiftSpace = input({ key: ' ', code: 'Space', control: true, shift: true });
const ctrlAltJ = input({ key: 'j', code: 'KeyJ', control: true, alt: true });

describe('the privacy key in the desktop window', () => {
  it('matches the saved key, and the default before the vault has said which', () => {
    expect(isPrivacyKeyPress(ctrlShiftSpace, 'Ctrl+Shift+Space')).toBe(true);
    expect(isPrivacyKeyPress(ctrlShiftSpace, undefined)).toBe(true);
    expect(isPrivacyKeyPress(ctrlAltJ, 'Ctrl+Alt+J')).toBe(true);
    // Once another key is saved, the old one is an ordinary key press again.
    expect(isPrivacyKeyPress(ctrlShiftSpace, 'Ctrl+Alt+J')).toBe(false);
  });

  it('goes by the physical key, so a layout or Shift changing the character does not matter', () => {
    expect(isPrivacyKeyPress({ ...ctrlAltJ, key: 'ĵ' }, 'Ctrl+Alt+J')).toBe(true);
    expect(isPrivacyKeyPress({ ...ctrlAltJ, code: 'KeyK', key: 'j' }, 'Ctrl+Alt+J')).toBe(false);
  });

  it('needs exactly the saved modifiers', () => {
    expect(isPrivacyKeyPress({ ...ctrlShiftSpace, shift: false }, 'Ctrl+Shift+Space')).toBe(false);
    expect(isPrivacyKeyPress({ ...ctrlShiftSpace, alt: true }, 'Ctrl+Shift+Space')).toBe(false);
    expect(isPrivacyKeyPress(input({ code: 'Space', key: ' ' }), 'Ctrl+Shift+Space')).toBe(false);
  });

  it('takes only the press itself: not the key coming up, not a held key repeating', () => {
    expect(isPrivacyKeyPress({ ...ctrlShiftSpace, type: 'keyUp' }, 'Ctrl+Shift+Space')).toBe(false);
    expect(isPrivacyKeyPress({ ...ctrlShiftSpace, isAutoRepeat: true }, 'Ctrl+Shift+Space')).toBe(false);
  });

  it('falls back to the default when the saved key no longer parses', () => {
    expect(isPrivacyKeyPress(ctrlShiftSpace, 'Ctrl+C')).toBe(true);
    expect(isPrivacyKeyPress(input({ key: 'c', code: 'KeyC', control: true }), 'Ctrl+C')).toBe(false);
  });

  it('reads the saved key again only after a call that opens the vault', () => {
    expect(opensTheVault('vault.unlock')).toBe(true);
    expect(opensTheVault('vault.create')).toBe(true);
    expect(opensTheVault('vault.lock')).toBe(false);
    expect(opensTheVault({ name: 'vault.unlock' })).toBe(false);
  });

  it('stops the key at the window and tells the page, leaving every other key to the page', () => {
    let listener: ((event: { preventDefault: () => void }, input: ShellKeyInput) => void) | undefined;
    const sent: [string, unknown][] = [];
    // Only the two things catchPrivacyKey uses of Electron's WebContents.
    const contents = {
      on: (name: string, handler: typeof listener) => {
        if (name === 'before-input-event') listener = handler;
      },
      send: (channel: string, payload: unknown) => sent.push([channel, payload]),
    } as unknown as WebContents;
    let saved = 'Ctrl+Shift+Space';
    catchPrivacyKey(contents, () => saved);

    const pressed = (key: ShellKeyInput) => {
      let prevented = false;
      listener?.({ preventDefault: () => (prevented = true) }, key);
      return prevented;
    };
    expect(pressed(input({ key: 'a', code: 'KeyA' }))).toBe(false);
    expect(sent).toEqual([]);
    expect(pressed(ctrlShiftSpace)).toBe(true);
    expect(sent).toEqual([[eventChannel('privacy.keyPressed'), {}]]);
    // A key changed in Settings is used from the next press on.
    saved = 'Ctrl+Alt+J';
    expect(pressed(ctrlShiftSpace)).toBe(false);
    expect(pressed(ctrlAltJ)).toBe(true);
    expect(sent).toHaveLength(2);
  });
});
