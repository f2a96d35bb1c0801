import { rmSync } from 'node:fs';
import Store from 'electron-store';
import type { AppSettings } from '../contract';
import type { SettingsStore } from '../core/settings/settings-service';

/** Non-sensitive app settings (theme) in the user data folder. Never anything personal. */
export function createElectronStoreSettings(): SettingsStore {
  const store = new Store<Partial<AppSettings>>({
    name: 'settings',
    clearInvalidConfig: true,
    // Owner-only, like everything in the data folder (the browser host's store does the same).
    configFileMode: 0o600,
  });
  return {
    read: () => store.store,
    write: (settings) => {
      store.store = settings;
    },
    erase: () => rmSync(store.path, { force: true }),
  };
}
