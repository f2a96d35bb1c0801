import type { CallOutput, EventName, EventPayload, Policy } from '../contract';
import type { Clock } from '../core/clock';
import { createDispatcher, type Dispatch } from '../core/api/dispatch';
import { createHandlers, type AppServices } from '../core/app-handlers';
import { createSettingsService, type SettingsStore } from '../core/settings/settings-service';
import type { KeychainProtector } from '../core/vault/key-protector';
import type { VaultService } from '../core/vault/vault-service';
import { loadCourse } from './content/course-content';
import { createLibraryCatalog } from './content/content-packs';
import { loadAllCrisisContent } from './content/crisis-content';
import { licensedMeasures } from '../core/measures/licences';
import { countryFromLocale } from '../core/help/crisis-choice';
import { loadMeasures } from './content/measures-content';
import { loadThinkingTraps } from './content/thinking-traps-content';
import { policyPath, readPolicy } from './policy-file';
import { systemClock } from './system-clock';
import { createReminderService, type ReminderServiceOptions } from './reminders/reminder-service';
import { createVault, type VaultOptions } from './vault/vault';
import { randomInt } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createAgeShareFileStore } from './share/age-share-file';
import {
  createFileRegistry,
  type FileDialogs,
  type FileRegistry,
  type UserFolders,
} from './files/file-registry';
import { lockedTimesFile } from './reminders/locked-times-file';

const IDLE_CHECK_MS = 15_000;

export interface AppServicesOptions {
  dataDir: string;
  contentDir: string;
  info: () => CallOutput<'app.info'>;
  settingsStore: SettingsStore;
  keychain?: KeychainProtector;
  emit: <E extends EventName>(name: E, payload: EventPayload<E>) => void;
  env?: NodeJS.ProcessEnv;
  /** The browser host's end-to-end tests move time forward; otherwise the real clock. */
  clock?: Clock;
  /** Tests only: cheaper scrypt, a fake clock. */
  vaultOverrides?: Partial<VaultOptions>;
  /** Notifications, time zone, launch at login, how often to look (reminders). */
  reminders?: ReminderServiceOptions;
  /** The OS file dialogs (Electron); without them, files come and go by upload and download. */
  fileDialogs?: FileDialogs;
  /** Where the dialogs start: the person's documents, never the data folder. */
  userFolders?: UserFolders;
  /** The Electron shell shows its room window when a session room opens, and closes it at the end. */
  onRoomChanged?: AppServices['onRoomChanged'];
  /** Erase everything: Chromium's storage for the app (Electron's session); the browser page clears its own. */
  clearBrowserStorage?: () => Promise<void>;
  /**
   * The computer's region or locale ("GB", "en-GB"): Electron's getLocaleCountryCode in the app,
   * the process locale in the browser host. It chooses the default crisis lines.
   */
  region?: () => string | null | undefined;
}

/**
 * The wiring both hosts share (Electron shell and browser host): policy, content, vault and the
 * Api dispatcher. Each host adds only what it alone has (keychain, windows, HTTP).
 */
export function createAppServices(options: AppServicesOptions): {
  dispatch: Dispatch;
  vault: VaultService;
  /** Hosts of the organisation's crisis and coach contacts, which links may open externally. */
  policyHosts: string[];
  /** Stops the idle check and locks the vault (on quit). */
  close: () => void;
  /** Looks for due reminders now (after the computer wakes, after unlocking). */
  checkReminders: () => Promise<unknown>;
  /** The chosen files; the browser host's upload and download routes use it. */
  files: FileRegistry;
} {
  const policy = readPolicy(policyPath(options.env));
  if (policy.state === 'invalid') {
    // The path and the problems are IT's configuration, not personal data.
    console.warn(`Stillroom: the policy at ${policy.path} is ignored: ${policy.problems.join('; ')}`);
  }
  const rules = policy.state === 'ok' ? policy.policy : undefined;
  const keychainAllowed = rules?.enforced?.keychainAllowed ?? true;
  const clock = options.vaultOverrides?.clock ?? options.clock ?? systemClock;
  const vault = createVault({
    dataDir: options.dataDir,
    clock,
    keychain: keychainAllowed ? options.keychain : undefined,
    defaultAutoLockMinutes: rules?.defaults?.autoLockMinutes,
    ...options.vaultOverrides,
  });
  const files = createFileRegistry({
    dataDir: options.dataDir,
    clock,
    ...(options.fileDialogs ? { dialogs: options.fileDialogs } : {}),
    ...(options.userFolders ? { folders: options.userFolders } : {}),
  });
  const reminders = createReminderService({
    files,
    vault,
    clock,
    contentDir: options.contentDir,
    dataDir: options.dataDir,
    emit: options.emit,
    ...options.reminders,
  });
  const dispatch = createDispatcher(
    createHandlers({
      info: options.info,
      settings: createSettingsService(options.settingsStore, rules?.defaults?.theme),
      vault,
      policy,
      crisisResources: loadAllCrisisContent(options.contentDir),
      region: () => countryFromLocale(options.region?.() ?? processRegion()),
      thinkingTraps: loadThinkingTraps(options.contentDir),
      measures: licensedMeasures(loadMeasures(options.contentDir), rules),
      course: loadCourse(options.contentDir),
      clock,
      onSettingsChanged: (next) => options.emit('settings.changed', next),
      onLocked: (reason) => options.emit('app.locked', { reason }),
      onPrivacyChanged: (change) => options.emit('privacy.changed', change),
      library: createLibraryCatalog({
        contentDir: options.contentDir,
        dataDir: options.dataDir,
        policy: rules,
      }),
      ...(options.onRoomChanged ? { onRoomChanged: options.onRoomChanged } : {}),
      share: {
        files: createAgeShareFileStore(),
        randomInt: (max) => randomInt(max),
        onProgress: (progress) => options.emit('share.progress', progress),
      },
      reminderHandlers: reminders.handlers,
      files,
      dataRights: {
        files: createAgeShareFileStore(),
        dataDir: options.dataDir,
        outside: {
          files: () => eraseOutsideTheVault(options.dataDir),
          ...(options.clearBrowserStorage
            ? {
                browserStorage: async () => {
                  await options.clearBrowserStorage?.();
                  return ['what the app window kept in its own storage'];
                },
              }
            : {}),
        },
      },
    }),
  );
  // Both hosts lock after the user's chosen idle time (the shell also on screen lock and suspend).
  const idleCheck = setInterval(() => {
    if (vault.lockIfIdle()) options.emit('app.locked', { reason: 'idle' });
  }, IDLE_CHECK_MS);
  idleCheck.unref();
  const close = () => {
    clearInterval(idleCheck);
    reminders.stop();
    vault.close();
  };
  return {
    dispatch,
    vault,
    policyHosts: contactHosts(rules),
    close,
    checkReminders: reminders.check,
    files,
  };
}

/** The reminder times kept for while locked, and the coach files left in Stillroom's own folder. */
function eraseOutsideTheVault(dataDir: string): string[] {
  const erased: string[] = [];
  const times = lockedTimesFile(dataDir);
  if (existsSync(times.path)) erased.push('the reminder times kept for while Stillroom is locked');
  times.remove();
  // Exports now go where the person chooses (never the data folder), but older versions wrote
  // coach files into <dataDir>/exports by default; an install that did still has them there.
  const sharesDir = join(dataDir, 'exports');
  if (existsSync(sharesDir)) {
    erased.push('the files you exported for a coach into Stillroom’s own folder');
    rmSync(sharesDir, { recursive: true, force: true });
  }
  return erased;
}

/** The locale Node runs in (the browser host), from Intl, which follows LANG / the OS. */
function processRegion(): string | null {
  try {
    const locale = new Intl.Locale(Intl.DateTimeFormat().resolvedOptions().locale);
    return locale.maximize().region ?? null;
  } catch {
    return null;
  }
}

/** The web and mail hosts named in a policy's crisis resources and coach contact. */
export function contactHosts(policy: Policy | undefined): string[] {
  const hosts = new Set<string>();
  const lists = [policy?.crisis, ...Object.values(policy?.crisisByCountry ?? {})];
  for (const resource of lists.flatMap((list) => list?.resources ?? [])) {
    if (resource.url) hosts.add(new URL(resource.url).hostname.toLowerCase());
  }
  if (policy?.organisationSupport?.url)
    hosts.add(new URL(policy.organisationSupport.url).hostname.toLowerCase());
  const supportEmail = policy?.organisationSupport?.email;
  if (supportEmail) hosts.add(supportEmail.slice(supportEmail.lastIndexOf('@') + 1).toLowerCase());
  const email = policy?.coach?.email;
  if (email) hosts.add(email.slice(email.lastIndexOf('@') + 1).toLowerCase());
  return [...hosts];
}
