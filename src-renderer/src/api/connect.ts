import type { AppSettings, Result, StillroomBridge, VaultStatus } from '../../../src-main/contract';
import { call } from './call';
import { createHttpBridge } from './http-bridge';
import { createBrowserFiles } from './browser-files';
import { createDesktopFiles, withFiles, type AppApi } from './files';

export type Connection =
  | {
      kind: 'ready';
      bridge: AppApi;
      /** Asked for before React first renders, so the first screen does not wait a round trip more. */
      initialVaultStatus: Promise<Result<VaultStatus>>;
      /** That answer, when it came before the first render (see `withSettledFirstAnswers`). */
      settledVaultStatus?: Result<VaultStatus>;
      /** The app settings (the theme), asked for alongside: they do not need the vault unlocked. */
      initialSettings: Promise<Result<AppSettings>>;
      /** Those settings, when they came before the first render, so it is drawn in the right theme. */
      settledSettings?: AppSettings;
    }
  | { kind: 'missing-token' };

function ready(bridge: AppApi): Connection {
  return {
    kind: 'ready',
    bridge,
    initialVaultStatus: call(bridge, 'vault.status', {}),
    initialSettings: call(bridge, 'settings.get', {}),
  };
}

const TOKEN_KEY = 'stillroom.hostToken';

/**
 * Finds the Api: the Electron preload's `window.stillroom`, or, in the browser host, an HTTP
 * bridge using the token from the address the host printed (`#token=…`). The token is moved out
 * of the address bar at once, kept only for this tab's session.
 */
export function connectBridge(win: Window & { stillroom?: StillroomBridge }): Connection {
  if (win.stillroom) return ready(withFiles(win.stillroom, createDesktopFiles(win.stillroom.calls)));
  const fromHash = new URLSearchParams(win.location.hash.slice(1)).get('token');
  if (fromHash) {
    win.sessionStorage.setItem(TOKEN_KEY, fromHash);
    win.history.replaceState(null, '', win.location.pathname + win.location.search);
  }
  const token = fromHash ?? win.sessionStorage.getItem(TOKEN_KEY);
  if (!token) return { kind: 'missing-token' };
  const base = new URL('/', win.location.href);
  const bridge = createHttpBridge(token, base);
  return ready(withFiles(bridge, createBrowserFiles(token, base, bridge.calls)));
}

/**
 * Empties the page's own storage (the theme hint, the last section) after "erase everything". In
 * the browser host the run's token stays: it is the host's, not the person's, and without it the
 * page could not reach the host to show first-run setup.
 */
export function clearPageStorage(win: Window): void {
  try {
    const token = win.sessionStorage.getItem(TOKEN_KEY);
    win.localStorage.clear();
    win.sessionStorage.clear();
    if (token) win.sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Storage refused: nothing was kept there to clear.
  }
}

/**
 * Waits up to `ms` for the vault's state and the theme, so that when the host answers quickly (it
 * nearly always does) the first render is already the right screen in the right colours: no
 * "Opening Stillroom…" drawn and laid out for a blink only to be replaced, and no light frame
 * before a chosen dark theme. A slow answer is not waited for: the page renders, says it is
 * opening, and takes the theme when it comes.
 */
export async function withSettledFirstAnswers(connection: Connection, ms: number): Promise<Connection> {
  if (connection.kind !== 'ready') return connection;
  const deadline = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms));
  const [status, settings] = await Promise.all([
    Promise.race([connection.initialVaultStatus, deadline]),
    Promise.race([connection.initialSettings, deadline]),
  ]);
  return {
    ...connection,
    ...(status ? { settledVaultStatus: status } : {}),
    ...(settings?.ok ? { settledSettings: settings.value } : {}),
  };
}
