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
import { screenLockSource, systemLockDue, type SystemIdleState } from '../core/vault/idle-lock';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { createElectronStoreSettings } from './electron-store-settings';
import { createSafeStorageProtector } from './safe-storage-protector';
import { createElectronNotifier } from './electron-notifier';
import { createTray } from './tray';
import { changesTray, type TrayAction } from './tray-menu';
import { tomorrowIn } from '../core/reminders/schedule';
import { registerApi } from './ipc';
import { denyAllPermissions, EXTERNAL_HOSTS, guardWebContents } from './web-contents-guard';
import { mainWindowOptions } from './window-options';
import { createRoomWindows } from './room-windows';
import { createLoginItem, startedByLoginItem } from './login-item';
import { revealWindow } from './window-reveal';
import { createStartupGuard } from './startup-failure';
import { isWaylandSession, withPortalFeature } from './wayland-shortcuts';
import { createElectronFileDialogs } from './file-dialogs';
import { catchPrivacyKey, opensTheVault } from './privacy-shortcut';

const here = fileURLToPath(new URL('.', import.meta.url));
/** Must match electron-builder.yml's appId: Windows ties notifications to the Start-menu shortcut by it. */
const APP_USER_MODEL_ID = 'org.stillroom.app';
/** How often Linux, which has no `lock-screen` event, is asked whether the screen is locked. */
const LINUX_LOCK_POLL_MS = 5_000;
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const wayland = isWaylandSession(process.platform, process.env);

const startup = createStartupGuard({
  showErrorBox: (title, content) => dialog.showErrorBox(title, content),
  releaseSingleInstanceLock: () => app.releaseSingleInstanceLock(),
  exit: (code) => app.exit(code),
  log: (line) => console.error(line),
});

let mainWindow: BrowserWindow | undefined;
/** Closing the main window keeps Stillroom in the tray, so reminders can still come; Quit ends it. */
let quitting = false;
/** Shipped crisis services, plus the organisation's contacts once its policy has been read. */
let externalHosts: readonly string[] = EXTERNAL_HOSTS;

/** Told of every event sent to the pages (the tray reads its state again after a lock). */
let onAppEvent: (name: EventName) => void = () => {};
/** The saved privacy key, for the main window's key catcher; the default until the vault says. */
let privacyKey: string | undefined;

function broadcast<E extends EventName>(name: E, payload: EventPayload<E>): void {
  for (const window of BrowserWindow.getAllWindows()) window.webContents.send(eventChannel(name), payload);
  if (name === 'privacy.changed') privacyKey = (payload as EventPayload<'privacy.changed'>).privacyKey;
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
  catchPrivacyKey(window.webContents, () => privacyKey);
  window.on('close', (event) => {
    if (quitting) return;
    event.preventDefault();
    window.hide();
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  return window;
}

/** Second start, Dock icon, tray, notification: a hidden window is shown, not only focused. */
function showMainWindow(): void {
  mainWindow = revealWindow(mainWindow, () => createMainWindow());
}

/**
 * Before `ready`: paths, the app scheme, command-line features and the single-instance lock.
 * Returns the data folder, or undefined when another Stillroom already runs.
 */
function beforeReady(): string | undefined {
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  // Must happen before `ready`, so that Chromium's own storage lands in the chosen folder too.
  const dataDir = ensureDataDir(resolveDataDir(process.env, app.getPath('userData')));
  app.setPath('userData', dataDir);
  app.setPath('sessionData', dataDir);
  registerAppScheme(protocol);
  // Wayland grants global keys only through the desktop's portal (see wayland-shortcuts.ts).
  if (wayland) {
    app.commandLine.appendSwitch(
      'enable-features',
      withPortalFeature(app.commandLine.getSwitchValue('enable-features')),
    );
  }
  if (!app.requestSingleInstanceLock()) {
    // Another Stillroom is already open for this user: it will come to the front instead.
    app.quit();
    return undefined;
  }
  app.on('second-instance', () => void app.whenReady().then(showMainWindow));
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(
      contents,
      (url) => void shell.openExternal(url),
      devServerUrl,
      () => externalHosts,
    );
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  return dataDir;
}

async function onReady(dataDir: string): Promise<void> {
  denyAllPermissions(session.defaultSession);
  serveRenderer(protocol, join(here, '../renderer'));
  const rooms = createRoomWindows({
    preloadPath: join(here, '../preload/index.cjs'),
    devTools: !app.isPackaged,
    platform: process.platform,
    wayland,
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
    keychain: await createSafeStorageProtector(safeStorage, process.platform),
    fileDialogs: createElectronFileDialogs(dialog, shell, () => mainWindow),
    userFolders: { documents: userFolder('documents'), home: userFolder('home') },
    emit: broadcast,
    reminders: {
      notifier: createElectronNotifier(),
      loginItem: createLoginItem(app, process.platform),
      onOpen: () => showMainWindow(),
    },
    onRoomChanged: (room, prefs) => rooms.onRoomChanged(room, prefs),
    // Erase everything: the page's Local/Session Storage, IndexedDB, caches, in the data folder.
    clearBrowserStorage: () => session.defaultSession.clearStorageData(),
    // The OS region picks the default crisis lines ("" when the OS does not say).
    region: () => app.getLocaleCountryCode() || null,
  });
  externalHosts = [...EXTERNAL_HOSTS, ...policyHosts];
  // Read once the vault is open; later changes arrive as privacy.changed (see broadcast).
  const readPrivacyKey = async () => {
    const result = await dispatch('rooms.getPrefs', {});
    if (result.ok) privacyKey = (result.value as { privacyKey: string }).privacyKey;
  };
  const openTarget = (target: NotificationTarget) => {
    showMainWindow();
    broadcast('reminder.open', { target });
  };
  const pausedUntil = async (): Promise<string | null> => {
    const result = await dispatch('reminders.get', {});
    return result.ok ? (result.value as { pausedUntil: string | null }).pausedUntil : null;
  };
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
  }, process.platform);
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
  if (screenLockSource(process.platform) === 'event') {
    powerMonitor.on('lock-screen', () => lockNow('screen'));
  } else {
    let previous: SystemIdleState | undefined;
    setInterval(() => {
      const status = vault.status();
      // The threshold only decides "idle" versus "active"; the decision uses the idle time itself.
      const sample = {
        state: powerMonitor.getSystemIdleState(60),
        idleSeconds: powerMonitor.getSystemIdleTime(),
      };
      const reason = systemLockDue(previous, sample, status.autoLockMinutes);
      previous = sample.state;
      if (reason && status.state === 'unlocked') lockNow(reason);
    }, LINUX_LOCK_POLL_MS).unref();
  }
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
      if (result.ok && opensTheVault(name)) void readPrivacyKey();
      return result;
    },
    devServerUrl,
  );
  mainWindow = createMainWindow(startedByLoginItem(app, process.platform, process.argv));
  app.on('activate', () => showMainWindow());
}

// Any throw from here to the first window shows an error box, is logged by kind only, and exits.
void startup.run(() => {
  const dataDir = beforeReady();
  if (dataDir) void app.whenReady().then(() => startup.run(() => onReady(dataDir)));
});
