/**
 * The preload and the IPC registration, with Electron's own objects replaced by recorders (the
 * Electron binary cannot run here; tests/electron/ covers the real thing where it can).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, callChannel, eventChannel, type StillroomBridge } from '../../src-main/contract';
import { createDispatcher } from '../../src-main/core/api/dispatch';
import { createHandlers } from '../../src-main/core/app-handlers';
import { createSettingsService } from '../../src-main/core/settings/settings-service';
import { registerApi } from '../../src-main/shell/ipc';
import { tempDir, testHandlerServices } from '../helpers/host-harness';
import { createTestVault } from '../helpers/vault-harness';

const exposed = vi.hoisted(() => ({ key: '', api: undefined as unknown }));
const ipcRenderer = vi.hoisted(() => ({
  invoke: vi.fn(async (channel: string, input: unknown) => ({ channel, input })),
  on: vi.fn(),
  removeListener: vi.fn(),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      exposed.key = key;
      exposed.api = api;
    },
  },
  ipcRenderer,
}));

describe('preload', () => {
  let bridge: StillroomBridge;
  beforeAll(async () => {
    await import('../../src-main/preload/index');
    bridge = exposed.api as StillroomBridge;
  });

  it('exposes window.stillroom with exactly the contract calls and `on`', () => {
    expect(exposed.key).toBe('stillroom');
    expect(Object.keys(bridge).sort()).toEqual(['calls', 'on']);
    expect(Object.keys(bridge.calls).sort()).toEqual([...CALL_NAMES].sort());
    expect(JSON.stringify(Object.keys(bridge))).not.toContain('ipcRenderer');
  });

  it('sends each call on its own channel', async () => {
    await expect(bridge.calls['settings.update']({ theme: 'dark' })).resolves.toEqual({
      channel: callChannel('settings.update'),
      input: { theme: 'dark' },
    });
  });

  it('passes only the payload to listeners, never the IPC event', () => {
    const listener = vi.fn();
    const off = bridge.on('settings.changed', listener);
    const [channel, wrapped] = ipcRenderer.on.mock.calls.at(-1) as [string, (e: unknown, p: unknown) => void];
    expect(channel).toBe(eventChannel('settings.changed'));
    wrapped({ sender: 'the ipcRenderer' }, { theme: 'light' });
    expect(listener).toHaveBeenCalledWith({ theme: 'light' });
    off();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(channel, wrapped);
  });

  it('ignores events that are not in the contract', () => {
    const before = ipcRenderer.on.mock.calls.length;
    const off = bridge.on('shell.exec' as never, vi.fn());
    expect(ipcRenderer.on.mock.calls.length).toBe(before);
    off();
  });
});

describe('IPC registration', () => {
  type Handler = (event: unknown, input: unknown) => Promise<unknown>;
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) };
  let theme: unknown = { theme: 'system' };
  registerApi(
    ipcMain as never,
    createDispatcher(
      createHandlers({
        info: () => ({ name: 'Stillroom', version: '0', host: 'electron', platform: 'linux', dataDir: '/d' }),
        settings: createSettingsService({ read: () => theme, write: (next) => (theme = next) }),
        vault: createTestVault(tempDir()),
        ...testHandlerServices(),
      }),
    ),
  );
  const fromApp = { senderFrame: { url: 'app://stillroom/index.html', parent: null } };

  it('registers one handler per contract call and nothing else', () => {
    expect([...handlers.keys()].sort()).toEqual(CALL_NAMES.map(callChannel).sort());
  });

  it('answers the app page', async () => {
    const handler = handlers.get(callChannel('settings.update')) as Handler;
    await expect(handler(fromApp, { theme: 'dark' })).resolves.toEqual({
      ok: true,
      value: { theme: 'dark' },
    });
  });

  it('refuses other frames without touching data', async () => {
    const handler = handlers.get(callChannel('settings.update')) as Handler;
    theme = { theme: 'light' };
    for (const senderFrame of [
      null,
      { url: 'https://evil.example/', parent: null },
      { url: 'app://stillroom/index.html', parent: {} },
    ]) {
      await expect(handler({ senderFrame }, { theme: 'dark' })).resolves.toMatchObject({
        ok: false,
        error: { code: 'forbidden_origin' },
      });
    }
    expect(theme).toEqual({ theme: 'light' });
  });

  it('validates input from the app page too', async () => {
    const handler = handlers.get(callChannel('settings.update')) as Handler;
    await expect(handler(fromApp, { theme: { $gt: '' } })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
