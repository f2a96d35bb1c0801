import { rmSync } from 'node:fs';
import Conf from 'conf';
import type { SettingsStore } from '../core/settings/settings-service';
import type { AppSettings } from '../contract';

/**
 * Settings file for the browser host (the Electron shell uses electron-store, which is built on
 * the same library). Holds only the theme: nothing personal is ever written here.
 */
export function createConfSettingsStore(dataDir: string): SettingsStore {
  const conf = new Conf<Partial<AppSettings>>({
    cwd: dataDir,
    configName: 'settings',
    projectName: 'stillroom',
    clearInvalidConfig: true,
    // Owner-only, like everything in the data folder, whatever the folder's own mode.
    configFileMode: 0o600,
  });
  return {
    read: () => conf.store,
    write: (settings) => {
      conf.store = settings;
    },
    erase: () => rmSync(conf.path, { force: true }),
  };
}
