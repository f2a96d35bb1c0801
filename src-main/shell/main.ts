/**
 * Composition root of the Electron app. Thin on purpose: decisions live in core/ and in the pure
 * helpers beside this file; here they are handed the Electron capability they need.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import type { NotificationTarget } from '../contract';
import { eventChannel, type EventName, type EventPayload } from '../contract';
import { APP_ENTRY_URL } from '../core/security/url-policy';
import { createAppServices } from '../infra/app-services';
import { ensureDataDir, resolveDataDir } from '../infra/data-dir';
import type { LockReason } from '../core/vault/vault-service';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { createElectronStoreSettings } from './electron-store-settings';
import { createSafeStorageProtector } from './safe-storage-protector';
import { createElectronNotifier } from './electron-notifier';
import { createTray } from './tray';
import { changesTray, loginItemSettings, startedHidden, type TrayAction } from './tray-menu';
import { tomorrowIn } from '../core/reminders/schedule';
import { registerApi } from './ipc';
import { denyAllPermissions, EXTERNAL_HOSTS, guardWebContents } from './web-contents-guard';
import { mainWindowOptions } from './window-options';
import { createRoomWindows } from './room-windows';
import { createElectronFileDialogs } from './file-dialogs';

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

/** Told of every event sent to the pages (the tray reads its state again after a lock). */
let onAppEvent: (name: EventName) => void = () => {};

function broadcast<E extends EventName>(name: E, payload: EventPayload<E>): void {
  for (const window of BrowserWindow.getAllWindows()) window.webContents.send(eventChannel(name), payload);
  onAppEvent(name);
}

/** A folder of the person's own; undefined where the system has none (Electron throws then). */
function userFolder(name: 'documents' | 'home'): string | undefined {
  try {
    return app.getPath(name);
  } catch {
    return undefined;
  }
}

function createMainWindow(hidden = false): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(join(here, '../preload/index.cjs'), !app.isPackaged));
  if (!hidden) window.once('ready-to-show', () => window.show());
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
    const { dispatch, vault, policyHosts, close, checkReminders } = createAppServices({
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
      fileDialogs: createElectronFileDialogs(dialog, shell, () => mainWindow),
      userFolders: { documents: userFolder('documents'), home: userFolder('home') },
      emit: broadcast,
      reminders: {
        notifier: createElectronNotifier(),
        // Electron's login items exist on Windows and macOS only; Linux desktops use autostart files.
        loginItem:
          process.platform === 'linux'
            ? undefined
            : {
                get: () => app.getLoginItemSettings().openAtLogin,
                set: (enabled) => app.setLoginItemSettings(loginItemSettings(enabled)),
              },
        onOpen: () => showMainWindow(),
      },
      onRoomChanged: (room, prefs) => rooms.onRoomChanged(room, prefs),
    });
    externalHosts = [...EXTERNAL_HOSTS, ...policyHosts];
    const showMainWindow = () => {
      if (!mainWindow) mainWindow = createMainWindow();
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.show();
      mainWindow.focus();
    };
    const openTarget = (target: NotificationTarget) => {
      showMainWindow();
      broadcast('reminder.open', { target });
    };
    const pausedUntil = async (): Promise<string | null> => {
      const result = await dispatch('reminders.get', {});
      return result.ok ? (result.value as { pausedUntil: string | null }).pausedUntil : null;
    };
    // Closing the window keeps Stillroom in the tray, so reminders can still come; Quit ends it.
    let quitting = false;
    app.on('before-quit', () => {
      quitting = true;
    });
    const tray = createTray((action: TrayAction) => {
      void (async () => {
        if (action === 'open') showMainWindow();
        if (action === 'quick-session') openTarget('room');
        if (action === 'pause') {
          const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
          await dispatch('reminders.setPreferences', { pausedUntil: tomorrowIn(Date.now(), zone) });
        }
        if (action === 'resume') await dispatch('reminders.setPreferences', { pausedUntil: null });
        if (action === 'lock') lockNow('manual');
        if (action === 'quit') app.quit();
        await refreshTray();
      })();
    });
    const refreshTray = async () =>
      tray.update({ locked: vault.status().state !== 'unlocked', pausedUntil: await pausedUntil() });
    onAppEvent = (name) => {
      if (name === 'app.locked') void refreshTray();
    };
    // Read again after the calls that change it (see changesTray) and on a lock; once a minute
    // too, for a pause that runs out at midnight. Reading means expanding every rule's schedule,
    // so not every few seconds.
    setInterval(() => void refreshTray(), 60_000).unref();
    void refreshTray();
    const lockNow = (reason: LockReason) => {
      vault.lock(reason);
      broadcast('app.locked', { reason });
    };
    powerMonitor.on('lock-screen', () => lockNow('screen'));
    powerMonitor.on('suspend', () => lockNow('suspend'));
    // After sleep, look at once: anything missed becomes one notification, not a burst.
    powerMonitor.on('resume', () => void checkReminders());
    app.on('before-quit', () => {
      rooms.dispose();
      close();
    });
    registerApi(
      ipcMain,
      async (name, input) => {
        const result = await dispatch(name, input);
        if (changesTray(name)) void refreshTray();
        return result;
      },
      devServerUrl,
    );
    mainWindow = createMainWindow(
      startedHidden(process.argv, app.getLoginItemSettings().wasOpenedAtLogin === true),
    );
    mainWindow.on('close', (event) => {
      if (quitting) return;
      event.preventDefault();
      mainWindow?.hide();
    });

    app.on('activate', () => {
      if (!mainWindow) mainWindow = createMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
