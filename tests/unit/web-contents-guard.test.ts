/**
 * The hardening every web contents gets (navigation, redirects, new windows, <webview>) and the
 * session's permission handlers. Electron's WebContents and Session are replaced by recorders that
 * keep the handlers our code installs; the tests then call those handlers the way Electron would,
 * with hostile URLs. (tests/electron/ checks window.open in the real app where Electron can run.)
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { isAllowedExternalUrl } from '../../src-main/core/security/url-policy';
import {
  denyAllPermissions,
  EXTERNAL_HOSTS,
  guardWebContents,
} from '../../src-main/shell/web-contents-guard';

type Listener = (event: { preventDefault(): void }, ...args: unknown[]) => void;
type WindowOpenHandler = (details: Record<string, unknown>) => { action: string };

function guarded(devServerUrl?: string) {
  const listeners: { event: string; listener: Listener }[] = [];
  const windowOpenHandlers: WindowOpenHandler[] = [];
  const contents = {
    on(event: string, listener: Listener) {
      listeners.push({ event, listener });
      return contents;
    },
    setWindowOpenHandler(handler: WindowOpenHandler) {
      windowOpenHandlers.push(handler);
    },
  };
  const openExternal = vi.fn<(url: string) => void>();
  guardWebContents(contents as never, openExternal, devServerUrl);

  /**
   * Emits an event as Electron does; true when our listener cancelled it. Navigation events carry
   * their URL in the event's details only: Electron 45 still adds it as a second argument, but
   * deprecated, so the fake leaves it out.
   */
  function emit(event: string, ...args: unknown[]): boolean {
    const preventDefault = vi.fn();
    const navigation = event === 'will-navigate' || event === 'will-redirect';
    const details = navigation ? { preventDefault, url: args[0] } : { preventDefault };
    for (const entry of listeners)
      if (entry.event === event) entry.listener(details, ...(navigation ? [] : args));
    return preventDefault.mock.calls.length > 0;
  }
  function windowOpen(url: string, extra: Record<string, unknown> = {}) {
    const handler = windowOpenHandlers.at(-1);
    if (!handler) throw new Error('no window open handler installed');
    return handler({
      url,
      frameName: '',
      features: '',
      disposition: 'new-window',
      referrer: { url: '', policy: 'no-referrer' },
      ...extra,
    });
  }
  return { listeners, windowOpenHandlers, openExternal, emit, windowOpen };
}

/** URLs a compromised or confused page might try to leave for. */
const FOREIGN_URLS = [
  'https://evil.example/',
  'http://evil.example/app://stillroom/',
  'file:///etc/passwd',
  'file:///C:/Windows/System32/calc.exe',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://stillroom/0b7c3a7e-0000-4000-8000-000000000000',
  'about:blank',
  'chrome://gpu',
  'devtools://devtools/bundled/inspector.html',
  'app://evil/index.html',
  'app://stillroom.evil.example/',
  'app://stillroom@evil.example/',
  ' app://stillroom/index.html',
  'app://stillroom/\nindex.html',
  'http://127.0.0.1:5173/',
  'http://localhost:5173/',
  'ms-settings:privacy',
  'smb://evil.example/share',
  '',
];

describe('guardWebContents', () => {
  it('installs its listeners and one window-open handler', () => {
    const { listeners, windowOpenHandlers } = guarded();
    expect(listeners.map((l) => l.event).sort()).toEqual([
      'will-attach-webview',
      'will-navigate',
      'will-redirect',
    ]);
    expect(windowOpenHandlers).toHaveLength(1);
  });

  it.each(['will-navigate', 'will-redirect'])('lets %s stay inside the app', (event) => {
    const { emit } = guarded();
    for (const url of [
      'app://stillroom/index.html',
      'app://stillroom/',
      'app://stillroom/index.html#/diary',
    ]) {
      expect(emit(event, url), url).toBe(false);
    }
  });

  it.each(['will-navigate', 'will-redirect'])('cancels %s to anywhere else', (event) => {
    const { emit, openExternal } = guarded();
    for (const url of FOREIGN_URLS) expect(emit(event, url), url).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('allows the dev server by origin only, and only when there is one', () => {
    const { emit } = guarded('http://localhost:5173');
    expect(emit('will-navigate', 'http://localhost:5173/')).toBe(false);
    expect(emit('will-navigate', 'http://localhost:5173/#/diary')).toBe(false);
    for (const url of [
      // A prefix test would let these through: electron-vite's URL has no trailing slash.
      'http://localhost:5173.evil.example/',
      'http://localhost:51730/',
      'http://localhost:5173@evil.example/',
      'https://localhost:5173/',
      'http://127.0.0.1:5173/',
      'ws://localhost:5173/',
      ...FOREIGN_URLS.filter((url) => url !== 'http://localhost:5173/'),
    ]) {
      expect(emit('will-navigate', url), url).toBe(true);
      expect(emit('will-redirect', url), url).toBe(true);
    }
  });

  it('prevents every <webview> from attaching, even one pointing at the app', () => {
    const { emit } = guarded('http://localhost:5173');
    expect(emit('will-attach-webview', { nodeIntegration: true }, { src: 'https://evil.example/' })).toBe(
      true,
    );
    expect(emit('will-attach-webview', { preload: '/tmp/x.js' }, { src: 'app://stillroom/index.html' })).toBe(
      true,
    );
  });

  it('denies every new window and opens nothing that is not allow-listed', () => {
    const { windowOpen, openExternal } = guarded('http://localhost:5173');
    for (const url of [
      ...FOREIGN_URLS,
      'app://stillroom/index.html',
      'http://localhost:5173/',
      'https://user:pass@evil.example/',
      'mailto:a@b.example?attach=/etc/passwd',
      'mailto:a@b.example?body=x',
    ]) {
      expect(windowOpen(url, { features: 'nodeIntegration=yes,contextIsolation=no' }), url).toEqual({
        action: 'deny',
      });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('hands a safe link to the user’s own browser or mail client, unchanged, and still opens no window', () => {
    const { windowOpen, openExternal } = guarded();
    expect(windowOpen('mailto:coach@example.org', { disposition: 'foreground-tab' })).toEqual({
      action: 'deny',
    });
    // A mail address on a host nobody allowed is refused like any other link.
    expect(openExternal).not.toHaveBeenCalled();
    expect(windowOpen('mailto:jo@samaritans.org', { disposition: 'foreground-tab' })).toEqual({
      action: 'deny',
    });
    expect(openExternal.mock.calls).toEqual([['mailto:jo@samaritans.org']]);
    for (const host of EXTERNAL_HOSTS) {
      expect(windowOpen(`https://${host}/help`)).toEqual({ action: 'deny' });
      expect(openExternal).toHaveBeenLastCalledWith(`https://${host}/help`);
    }
  });

  it('refuses a link the url policy cannot even read, without throwing into the main process', () => {
    const { windowOpen, openExternal } = guarded();
    // Malformed percent-encoding makes the mailto check's decodeURIComponent throw.
    for (const url of ['mailto:%a.a@a.aa', 'mailto:%E0%A4%A@x.example', 'mailto:jo@x.example%']) {
      expect(windowOpen(url), url).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('opens exactly the URLs the url policy allows, for any input (property)', () => {
    const allowed = (url: string) => {
      try {
        return isAllowedExternalUrl(url, EXTERNAL_HOSTS);
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(
        fc.oneof(
          fc.webUrl({
            withQueryParameters: true,
            withFragments: true,
            authoritySettings: { withUserInfo: true },
          }),
          fc.emailAddress().map((address) => `mailto:${address}`),
          fc.string(),
        ),
        (url) => {
          const { windowOpen, openExternal } = guarded();
          expect(windowOpen(url)).toEqual({ action: 'deny' });
          expect(openExternal.mock.calls).toEqual(allowed(url) ? [[url]] : []);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('denyAllPermissions', () => {
  function install() {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    denyAllPermissions(session as never);
    const [request] = session.setPermissionRequestHandler.mock.calls.at(-1) as [
      (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void,
    ];
    const [check] = session.setPermissionCheckHandler.mock.calls.at(-1) as [
      (contents: unknown, permission: string, origin: string, details: unknown) => unknown,
    ];
    const [device] = session.setDevicePermissionHandler.mock.calls.at(-1) as [(details: unknown) => unknown];
    return { session, request, check, device };
  }

  const PERMISSIONS = [
    'media',
    'display-capture',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'fullscreen',
    'pointerLock',
    'keyboardLock',
    'openExternal',
    'midi',
    'midiSysex',
    'hid',
    'serial',
    'usb',
    'fileSystem',
    'idle-detection',
    'mediaKeySystem',
    'speaker-selection',
    'storage-access',
    'top-level-storage-access',
    'window-management',
    'unknown',
  ];

  it('installs one handler of each kind', () => {
    const { session } = install();
    expect(session.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(session.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    expect(session.setDevicePermissionHandler).toHaveBeenCalledTimes(1);
  });

  it.each(PERMISSIONS)(
    'refuses a request for %s, even from the app’s own page, exactly once',
    (permission) => {
      const { request } = install();
      const callback = vi.fn();
      request({}, permission, callback, { requestingUrl: 'app://stillroom/index.html', isMainFrame: true });
      expect(callback.mock.calls).toEqual([[false]]);
    },
  );

  it.each(PERMISSIONS)('answers a check for %s with false', (permission) => {
    const { check } = install();
    expect(check({}, permission, 'app://stillroom', { isMainFrame: true })).toBe(false);
    expect(check(null, permission, 'https://evil.example', {})).toBe(false);
  });

  it('refuses every device (HID, serial, USB)', () => {
    const { device } = install();
    for (const deviceType of ['hid', 'serial', 'usb']) {
      expect(device({ deviceType, origin: 'app://stillroom', device: {} })).toBe(false);
    }
  });
});
