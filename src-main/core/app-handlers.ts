import type { CallOutput } from '../contract';
import type { Handlers } from './api/dispatch';
import type { createSettingsService } from './settings/settings-service';

export interface AppServices {
  info: () => CallOutput<'app.info'>;
  settings: ReturnType<typeof createSettingsService>;
  /** Told when settings change so every window (and the tray) can follow. */
  onSettingsChanged?: (settings: CallOutput<'settings.get'>) => void;
}

/** The handler table every host registers. Later features add their calls here. */
export function createHandlers(services: AppServices): Handlers {
  return {
    'app.info': () => services.info(),
    'settings.get': () => services.settings.get(),
    'settings.update': (patch) => {
      const next = services.settings.update(patch);
      services.onSettingsChanged?.(next);
      return next;
    },
  };
}
