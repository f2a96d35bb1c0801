import { ApiFailure, type CallOutput, type CrisisResources, type PolicyState } from '../contract';
import type { Handlers } from './api/dispatch';
import type { createSettingsService } from './settings/settings-service';
import type { LockReason, VaultService } from './vault/vault-service';

export interface AppServices {
  info: () => CallOutput<'app.info'>;
  settings: ReturnType<typeof createSettingsService>;
  vault: VaultService;
  /** The managed policy as read at start (none, ok or invalid). */
  policy: PolicyState;
  /** Crisis resources shipped with Stillroom for the user's country; a policy may replace them. */
  defaultCrisisResources: CrisisResources;
  /** Told when settings change so every window (and the tray) can follow. */
  onSettingsChanged?: (settings: CallOutput<'settings.get'>) => void;
  /** Told when the vault locks, so every window shows the lock screen. */
  onLocked?: (reason: LockReason) => void;
}

/** The handler table every host registers. Later features add their calls here. */
export function createHandlers(services: AppServices): Handlers {
  const { vault } = services;
  return {
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
    'help.resources': () =>
      services.policy.state === 'ok' && services.policy.policy.crisis
        ? { ...services.policy.policy.crisis, source: 'policy' as const }
        : { ...services.defaultCrisisResources, source: 'default' as const },
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
    'vault.backup': ({ passphrase }) => vault.backup(passphrase),
    'vault.restore': ({ path, passphrase, replaceExisting }) =>
      vault.restore(path, passphrase, replaceExisting),
    'diary.save': (entry) => vault.stressDiary().save(entry),
    'diary.list': (options) => vault.stressDiary().list(options),
    'diary.delete': ({ id }) => {
      if (!vault.stressDiary().delete(id))
        throw new ApiFailure('not_found', 'That diary entry no longer exists.');
      return {};
    },
  };
}
