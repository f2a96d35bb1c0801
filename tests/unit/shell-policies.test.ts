import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../src-main/shell/sender-policy';
import { mainWindowOptions } from '../../src-main/shell/window-options';

describe('main window options', () => {
  const prefs = mainWindowOptions('/app/out/preload/index.cjs', false).webPreferences ?? {};

  it('isolates and sandboxes the page', () => {
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('shows the window only when it is ready, so no white flash covers the screen', () => {
    expect(mainWindowOptions('/p', true).show).toBe(false);
  });
});

describe('IPC sender check', () => {
  it('trusts the top frame of the app page', () => {
    expect(isTrustedSender({ url: 'app://stillroom/index.html', parent: null })).toBe(true);
  });

  it.each([
    ['no frame', null],
    ['a destroyed frame', undefined],
    ['a sub-frame of the app', { url: 'app://stillroom/index.html', parent: {} }],
    ['a remote page', { url: 'https://evil.example/', parent: null }],
    ['a file page', { url: 'file:///tmp/x.html', parent: null }],
    ['a look-alike app host', { url: 'app://stillroom.evil/', parent: null }],
  ])('refuses %s', (_label, frame) => {
    expect(isTrustedSender(frame as never)).toBe(false);
  });

  it('trusts the dev server only when one is given', () => {
    const frame = { url: 'http://localhost:5173/', parent: null };
    expect(isTrustedSender(frame)).toBe(false);
    expect(isTrustedSender(frame, 'http://localhost:5173')).toBe(true);
    expect(isTrustedSender({ url: 'http://localhost:5174/', parent: null }, 'http://localhost:5173')).toBe(
      false,
    );
  });
});
