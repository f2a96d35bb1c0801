import type { AppSettings } from '../../contract';
import { apiContract } from '../../contract';

/** Where non-sensitive app settings live (electron-store in the app, conf in the browser host). */
export interface SettingsStore {
  read(): unknown;
  write(settings: AppSettings): void;
  /** Removes the settings file itself (erase everything); the next write makes a new one. */
  erase?(): void;
}

export const DEFAULT_SETTINGS: AppSettings = { theme: 'system' };

const settingsSchema = apiContract['settings.get'].output;

/**
 * Settings never hold anything personal: theme and window state only. A damaged settings file
 * must not stop the app, so unreadable values fall back to defaults.
 */
export function createSettingsService(
  store: SettingsStore,
  defaultTheme: AppSettings['theme'] = DEFAULT_SETTINGS.theme,
) {
  const defaults: AppSettings = { ...DEFAULT_SETTINGS, theme: defaultTheme };
  function get(): AppSettings {
    const parsed = settingsSchema.safeParse({ ...defaults, ...asObject(store.read()) });
    return parsed.success ? parsed.data : { ...defaults };
  }
  function update(patch: Partial<AppSettings>): AppSettings {
    const next = { ...get(), ...patch };
    store.write(next);
    return next;
  }
  /** Back to the defaults, with no file left behind where the store can remove its file. */
  function erase(): AppSettings {
    if (store.erase) store.erase();
    else store.write({ ...defaults });
    return get();
  }
  return { get, update, erase };
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
