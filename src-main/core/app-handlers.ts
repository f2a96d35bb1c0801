import {
  ApiFailure,
  type CallOutput,
  type EventPayload,
  type CrisisResources,
  type PolicyState,
  type Measure,
  type Room,
  type RoomPrefs,
  type ThinkingTrap,
} from '../contract';
import type { Handlers } from './api/dispatch';
import { createCheckinHandlers } from './checkins/checkin-handlers';
import type { Clock } from './clock';
import { createReminderHandlers } from './reminders/reminder-handlers';
import type { LoadedModule } from './course/course-content';
import { createCourseHandlers } from './course/course-handlers';
import type { LibraryCatalog } from './library/library-catalog';
import { createLibraryHandlers } from './library/library-handlers';
import { createLibrarySignals, type LibrarySignals } from './library/library-signals';
import { recentModules } from './course/progress';
import { createRoomHandlers } from './rooms/room-handlers';
import { createPrivacyHandlers, type PrivacyChange } from './privacy/privacy-handlers';
import type { createSettingsService } from './settings/settings-service';
import { checkThinkingTraps } from './thoughts/thought-records';
import type { LockReason, VaultService } from './vault/vault-service';
import { recoveryCodeText } from './vault/recovery-code';
import { courseShareSource } from './course/share';
import { crisisLists, helpView } from './help/crisis-choice';
import type { ShareFileStore } from './share/share-file';
import { createShareHandlers } from './share/share-handlers';
import type { FileAccess } from './files/file-port';
import { createFileHandlers } from './files/file-handlers';
import { createVaultShareSources } from './share/vault-share-sources';
import { createDraftHandlers } from './drafts/draft-handlers';
import { createDataRightsHandlers, type DataRightsDeps } from './data-rights/data-rights-handlers';

export interface AppServices {
  info: () => CallOutput<'app.info'>;
  settings: ReturnType<typeof createSettingsService>;
  vault: VaultService;
  /** The managed policy as read at start (none, ok or invalid). */
  policy: PolicyState;
  /** Crisis resources shipped with Stillroom, one list per country; a policy may replace them. */
  crisisResources: readonly CrisisResources[];
  /** The computer's region (e.g. "GB"), the default country for crisis lines; null when unknown. */
  region?: () => string | null;
  /** The thinking traps of the course (content/program/thinking-traps.json). */
  thinkingTraps: readonly ThinkingTrap[];
  /** The questionnaires (content/measures/). */
  measures: readonly Measure[];
  clock: Clock;
  /** The course modules (content/program/modules/); none when a host does not load them. */
  course?: readonly LoadedModule[];
  /** Told when settings change so every window (and the tray) can follow. */
  onSettingsChanged?: (settings: CallOutput<'settings.get'>) => void;
  /** Told when the vault locks, so every window shows the lock screen. */
  onLocked?: (reason: LockReason) => void;
  /** The library's articles: shipped content overlaid with applied content packs. */
  library: LibraryCatalog;
  /** What "for you" learns from the rest of the app; by default, from check-ins only. */
  librarySignals?: LibrarySignals;
  /** Told when the privacy key or the soften setting changes, so every window follows at once. */
  onPrivacyChanged?: (change: PrivacyChange) => void;
  /** Told when a session room opens, moves on or ends (the Electron shell shows its room window). */
  onRoomChanged?: (room: Room | null, prefs: RoomPrefs) => void;
  /** Sharing with a coach: the encrypted file (infra/share), a CSPRNG, and export progress. */
  share?: {
    files: ShareFileStore;
    randomInt: (max: number) => number;
    onProgress?: (progress: EventPayload<'share.progress'>) => void;
  };
  /** Files the person picks: the OS dialogs in Electron, uploads and downloads in the browser host. */
  files?: FileAccess;
  /** Export and erase everything (infra: the age encrypter, the files outside the vault). */
  dataRights?: Pick<DataRightsDeps, 'files' | 'outside' | 'dataDir'>;
  /** Reminders and the Monday message (wired in infra: notifier, content, time zone). */
  reminderHandlers?: ReturnType<typeof createReminderHandlers>;
}

const sharingUnavailable = (): never => {
  throw new ApiFailure('unavailable', 'Sharing is not available here.');
};
const NO_SHARE_FILES: ShareFileStore = {
  encrypt: sharingUnavailable,
  read: sharingUnavailable,
};
const filesUnavailable = (): never => {
  throw new ApiFailure('unavailable', 'Files cannot be opened or saved here.');
};
const NO_FILES: FileAccess = {
  chooseOpen: filesUnavailable,
  chooseSave: filesUnavailable,
  reveal: () => false,
  opened: filesUnavailable,
  target: filesUnavailable,
};
const noRandom = sharingUnavailable;
const NO_DATA_RIGHTS: NonNullable<AppServices['dataRights']> = {
  files: NO_SHARE_FILES,
  outside: { files: () => [] },
  dataDir: '',
};

/** The handler table every host registers. Later features add their calls here. */
export function createHandlers(services: AppServices): Handlers {
  const { vault } = services;
  const rules = services.policy.state === 'ok' ? services.policy.policy : undefined;
  const help = (saved: string | null) =>
    helpView({
      shipped: services.crisisResources,
      policy: rules,
      saved,
      region: services.region?.() ?? null,
    });
  const files = services.files ?? NO_FILES;
  const checkins = createCheckinHandlers({
    measures: services.measures,
    clock: services.clock,
    repository: () => vault.checkins(),
  });
  const course = createCourseHandlers({
    modules: services.course ?? [],
    repository: () => vault.course(),
    checkins: () => vault.checkins(),
    diary: {
      stressDiary: () => vault.stressDiary(),
      thoughtRecords: () => vault.thoughtRecords(),
      thinkingTraps: services.thinkingTraps.map((trap) => trap.id),
    },
    now: () => new Date(services.clock.now()).toISOString(),
  });
  const library = createLibraryHandlers({
    catalog: services.library,
    files,
    repository: () => vault.library(),
    modules: (services.course ?? []).map((loaded) => loaded.module),
    signals:
      services.librarySignals ??
      createLibrarySignals({
        vault,
        measures: services.measures,
        clock: services.clock,
        // "For you" follows what the user said brings them here and where they are in the course.
        focusAreas: () => vault.course().profile()?.focusAreas ?? [],
        courseModules: () => recentModules(vault.course().steps()),
      }),
  });
  const rooms = createRoomHandlers({
    clock: services.clock,
    repository: () => vault.rooms(),
    ...(services.onRoomChanged ? { onRoomChanged: services.onRoomChanged } : {}),
  });
  const privacy = createPrivacyHandlers({
    preferences: () => vault.preferences(),
    roomPrefs: () => rooms['rooms.getPrefs'](),
    ...(services.onPrivacyChanged ? { onChanged: services.onPrivacyChanged } : {}),
  });
  // The course's part: progress of each module started, and the saved exercise answers.
  const shareSources = () =>
    createVaultShareSources(vault, services.measures, () =>
      courseShareSource(services.course ?? [], vault.course()),
    );
  const share = createShareHandlers({
    sources: shareSources,
    history: () => vault.shareHistory(),
    files: services.share?.files ?? NO_SHARE_FILES,
    chosen: files,
    measures: services.measures,
    thinkingTraps: services.thinkingTraps,
    policy: services.policy,
    clock: services.clock,
    appVersion: () => services.info().version,
    randomInt: services.share?.randomInt ?? noRandom,
    emitProgress: (progress) => services.share?.onProgress?.(progress),
  });
  const dataRights = createDataRightsHandlers({
    ...(services.dataRights ?? NO_DATA_RIGHTS),
    chosen: files,
    vault,
    shareSources,
    settings: () => services.settings.get(),
    eraseSettings: () => services.onSettingsChanged?.(services.settings.erase()),
    measures: services.measures,
    thinkingTraps: services.thinkingTraps,
    clock: services.clock,
    appVersion: () => services.info().version,
  });
  // Both hosts pass the real wiring (infra/reminders); this fallback serves tests that build the
  // handler table alone.
  const reminders =
    services.reminderHandlers ??
    createReminderHandlers({
      clock: services.clock,
      zone: () => 'UTC',
      repository: () => vault.reminders(),
      mondayMessages: [],
      buildIcs: () => {
        throw new ApiFailure('unavailable', 'Calendar export is not set up here.');
      },
      files,
    });
  return {
    ...checkins,
    ...course,
    ...rooms,
    'rooms.setPrefs': (patch) => {
      const saved = rooms['rooms.setPrefs'](patch);
      privacy.announce();
      return saved;
    },
    ...privacy.handlers,
    ...share,
    ...reminders,
    ...library,
    ...createFileHandlers({ files, clock: services.clock }),
    ...dataRights,
    ...createDraftHandlers({ repository: () => vault.drafts(), clock: services.clock }),
    'app.info': () => services.info(),
    'app.activity': () => {
      vault.touch();
      return {};
    },
    'settings.get': () => services.settings.get(),
    'settings.update': (patch) => {
      const next = services.settings.update(patch);
      services.onSettingsChanged?.(next);
      return next;
    },
    'policy.get': () => services.policy,
    // Readable while locked: the saved country then waits in the vault and the region decides.
    'help.resources': ({ country }) =>
      help(country ?? (vault.status().state === 'unlocked' ? vault.preferences().crisisCountry() : null)),
    'help.setCountry': ({ country }) => {
      const available = crisisLists(services.crisisResources, rules);
      if (!available.has(country))
        throw new ApiFailure('not_found', `Stillroom has no crisis lines for "${country}" yet.`);
      vault.preferences().setCrisisCountry(country);
      return help(country);
    },
    'vault.status': () => vault.status(),
    'vault.create': ({ passphrase, useKeychain }) => vault.create(passphrase, useKeychain),
    'vault.unlock': (request) => vault.unlock(request),
    'vault.lock': () => {
      const status = vault.lock('manual');
      services.onLocked?.('manual');
      return status;
    },
    'vault.changePassphrase': ({ current, next }) => vault.changePassphrase(current, next),
    'vault.recover': ({ recoveryCode, newPassphrase }) => vault.recover(recoveryCode, newPassphrase),
    'vault.setAutoLock': ({ minutes }) => vault.setAutoLock(minutes),
    'vault.setKeychain': ({ enabled }) => vault.setKeychain(enabled),
    'vault.backup': async ({ passphrase, target }) => {
      // Checked first, so a stale target costs no work and writes nothing.
      const chosen = files.target(target, 'backup');
      return { file: chosen.write(await vault.backup(passphrase)) };
    },
    'vault.saveRecoveryCode': ({ code, target }) => {
      const chosen = files.target(target, 'recovery-code');
      return { file: chosen.write(new TextEncoder().encode(recoveryCodeText(code))) };
    },
    'vault.restore': ({ file, passphrase, replaceExisting }) =>
      vault.restore(files.opened(file, 'backup').read(), passphrase, replaceExisting),
    'diary.save': (entry) => vault.stressDiary().save(entry),
    'diary.list': (options) => vault.stressDiary().list(options),
    'diary.delete': ({ id }) => {
      const deleted = vault.stressDiary().delete(id);
      if (!deleted) throw new ApiFailure('not_found', 'That diary entry no longer exists.');
      return deleted;
    },
    'diary.restore': (entry) => vault.stressDiary().restore(entry),
    'diary.search': (options) => ({ results: vault.diarySearch().search(options) }),
    'thoughts.traps': () => ({ traps: [...services.thinkingTraps] }),
    'thoughts.save': (record) => {
      const records = vault.thoughtRecords();
      checkThinkingTraps(record.thinkingTraps, services.thinkingTraps);
      return records.save(record);
    },
    'thoughts.get': ({ id }) => ({ record: vault.thoughtRecords().get(id) ?? null }),
    'thoughts.list': (options) => vault.thoughtRecords().list(options),
    'thoughts.delete': ({ id }) => {
      const deleted = vault.thoughtRecords().delete(id);
      if (!deleted) throw new ApiFailure('not_found', 'That thought record no longer exists.');
      return deleted;
    },
    'thoughts.restore': (record) => {
      const records = vault.thoughtRecords();
      checkThinkingTraps(record.thinkingTraps, services.thinkingTraps);
      return records.restore(record);
    },
  };
}
