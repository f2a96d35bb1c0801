import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The same folder Electron's `app.getPath('userData')` gives a product called Stillroom, so the
 * browser host and the desktop app find one and the same vault on a machine.
 */
export function electronLikeUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Stillroom');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Stillroom');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Stillroom');
}
