/**
 * Composition root of the Electron app. Thin on purpose: decisions live in core/ and in the pure
 * helpers beside this file; here they are handed the Electron capability they need.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, powerMonitor, protocol, safeStorage, session, shell } from 'electron';
import { eventChannel, type EventName, type EventPayload } from '../contract';
import { APP_ENTRY_URL } from '../core/security/url-policy';
import { createAppServices } from '../infra/app-services';
import { ensureDataDir, resolveDataDir } from '../infra/data-dir';
import type { LockReason } from '../core/vault/vault-service';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { createElectronStoreSettings } from './electron-store-settings';
import { createSafeStorageProtector } from './safe-storage-protector';
import { registerApi } from './ipc';
import { denyAllPermissions, EXTERNAL_HOSTS, guardWebContents } from './web-contents-guard';
import { mainWindowOptions } from './window-options';
import { createRoomWindows } from './room-windows';

const here = fileURLToPath(new URL('.', import.meta.url));
/** Must match electron-builder.yml's appId: Windows ties notifications to the Start-menu shortcut by it. */
const APP_USER_MODEL_ID = 'org.stillroom.app';
if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

// Must happen before `ready`, so that Chromium's own storage lands in the chosen folder too.
const dataDir = ensureDataDir(resolveDataDir(process.env, app.getPath('userData')));
app.setPath('userData', dataDir);
app.setPath('sessionData', dataDir);
registerAppScheme(protocol);

let mainWindow: BrowserWindow | undefined;
/** Shipped crisis services, plus the organisation's contacts once its policy has been read. */
let externalHosts: readonly string[] = EXTERNAL_HOSTS;

function broadcast<E extends EventName>(name: E, payload: EventPayload<E>): void {
  for (const window of BrowserWindow.getAllWindows()) window.webContents.send(eventChannel(name), payload);
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(join(here, '../preload/index.cjs'), !app.isPackaged));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? APP_ENTRY_URL);
  window.on('closed', () => {
    mainWindow = undefined;
  });
  return window;
}

if (!app.requestSingleInstanceLock()) {
  // Another Stillroom is already open for this user: it will come to the front instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(
      contents,
      (url) => void shell.openExternal(url),
      devServerUrl,
      () => externalHosts,
    );
  });

  void app.whenReady().then(() => {
    denyAllPermissions(session.defaultSession);
    serveRenderer(protocol, join(here, '../renderer'));
    const rooms = createRoomWindows({
      preloadPath: join(here, '../preload/index.cjs'),
      devTools: !app.isPackaged,
      ...(devServerUrl ? { url: `${devServerUrl}?room` } : {}),
      mainWindow: () => mainWindow,
    });
    const { dispatch, vault, policyHosts, close } = createAppServices({
      dataDir,
      contentDir: join(app.getAppPath(), 'content'),
      info: () => ({
        name: app.getName(),
        version: app.getVersion(),
        host: 'electron',
        platform: process.platform,
        dataDir,
      }),
      settingsStore: createElectronStoreSettings(),
      keychain: createSafeStorageProtector(safeStorage, process.platform),
      emit: broadcast,
      onRoomChanged: (room, prefs) => rooms.onRoomChanged(room, prefs),
    });
    externalHosts = [...EXTERNAL_HOSTS, ...policyHosts];
    const lockNow = (reason: LockReason) => {
      vault.lock(reason);
      broadcast('app.locked', { reason });
    };
    powerMonitor.on('lock-screen', () => lockNow('screen'));
    powerMonitor.on('suspend', () => lockNow('suspend'));
    app.on('before-quit', () => {
      rooms.dispose();
      close();
    });
    registerApi(ipcMain, dispatch, devServerUrl);
    mainWindow = createMainWindow();

    app.on('activate', () => {
      if (!mainWindow) mainWindow = createMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
