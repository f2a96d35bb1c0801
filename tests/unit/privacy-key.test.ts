import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PRIVACY_KEY,
  formatPrivacyKey,
  matchesPrivacyKey,
  parsePrivacyKey,
  toAccelerator,
  type KeyPress,
} from '../../src-main/contract/plain';

const press = (extra: Partial<KeyPress>): KeyPress => ({
  key: '',
  code: '',
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...extra,
});

function parsed(text: string) {
  const result = parsePrivacyKey(text);
  if (!result.ok) throw new Error(result.message);
  return result.key;
}

describe('privacy key', () => {
  it('has a default that parses, reads back the same and becomes an Electron accelerator', () => {
    const key = parsed(DEFAULT_PRIVACY_KEY);
    expect(formatPrivacyKey(key)).toBe('Ctrl+Shift+Space');
    expect(toAccelerator(key)).toBe('Control+Shift+Space');
  });

  it('accepts other spellings and normalises them', () => {
    expect(formatPrivacyKey(parsed('control + alt + h'))).toBe('Ctrl+Alt+H');
    expect(toAccelerator(parsed('Cmd+Shift+f9'))).toBe('Shift+Super+F9');
  });

  it.each([
    ['Space', /at least one/],
    ['Shift+H', /Ctrl, Alt or Cmd/],
    ['Ctrl+Hyper+H', /not Ctrl/],
    ['Ctrl+Ctrl+H', /once/],
    ['Ctrl+Shift+Enter', /letter, a digit/],
    ['Ctrl+C', /already used/],
    ['ctrl+space', /already used/],
    ['Alt+F4', /already used/],
    ['Cmd+Q', /already used/],
    [`Ctrl+${'A'.repeat(60)}`, /too long/],
  ])('refuses %s with a reason', (text, reason) => {
    const result = parsePrivacyKey(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(reason);
  });

  it('matches key presses by physical key and exact modifiers', () => {
    const key = parsed(DEFAULT_PRIVACY_KEY);
    expect(matchesPrivacyKey(key, press({ code: 'Space', key: ' ', ctrlKey: true, shiftKey: true }))).toBe(
      true,
    );
    expect(matchesPrivacyKey(key, press({ code: 'Space', key: ' ', ctrlKey: true }))).toBe(false);
    expect(
      matchesPrivacyKey(key, press({ code: 'Space', key: ' ', ctrlKey: true, shiftKey: true, altKey: true })),
    ).toBe(false);
    const h = parsed('Ctrl+Alt+H');
    // On a French or German layout, Alt changes the character but not the code.
    expect(matchesPrivacyKey(h, press({ code: 'KeyH', key: '˙', ctrlKey: true, altKey: true }))).toBe(true);
    expect(matchesPrivacyKey(h, press({ code: 'KeyJ', key: 'h', ctrlKey: true, altKey: true }))).toBe(false);
    expect(
      matchesPrivacyKey(
        parsed('Ctrl+Shift+7'),
        press({ code: 'Digit7', key: '/', ctrlKey: true, shiftKey: true }),
      ),
    ).toBe(true);
    expect(matchesPrivacyKey(parsed('Ctrl+F9'), press({ code: 'F9', key: 'F9', ctrlKey: true }))).toBe(true);
  });
});
