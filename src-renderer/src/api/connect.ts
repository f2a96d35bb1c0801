import type { Result, StillroomBridge, VaultStatus } from '../../../src-main/contract';
import { call } from './call';
import { createHttpBridge } from './http-bridge';

export type Connection =
  | {
      kind: 'ready';
      bridge: StillroomBridge;
      /** Asked for before React first renders, so the first screen does not wait a round trip more. */
      initialVaultStatus: Promise<Result<VaultStatus>>;
      /** That answer, when it came before the first render (see `withSettledVaultStatus`). */
      settledVaultStatus?: Result<VaultStatus>;
    }
  | { kind: 'missing-token' };

function ready(bridge: StillroomBridge): Connection {
  return { kind: 'ready', bridge, initialVaultStatus: call(bridge, 'vault.status', {}) };
}

const TOKEN_KEY = 'stillroom.hostToken';

/**
 * Finds the Api: the Electron preload's `window.stillroom`, or, in the browser host, an HTTP
 * bridge using the token from the address the host printed (`#token=…`). The token is moved out
 * of the address bar at once, kept only for this tab's session.
 */
export function connectBridge(win: Window & { stillroom?: StillroomBridge }): Connection {
  if (win.stillroom) return ready(win.stillroom);
  const fromHash = new URLSearchParams(win.location.hash.slice(1)).get('token');
  if (fromHash) {
    win.sessionStorage.setItem(TOKEN_KEY, fromHash);
    win.history.replaceState(null, '', win.location.pathname + win.location.search);
  }
  const token = fromHash ?? win.sessionStorage.getItem(TOKEN_KEY);
  if (!token) return { kind: 'missing-token' };
  return ready(createHttpBridge(token, new URL('/', win.location.href)));
}

/**
 * Waits up to `ms` for the vault's state, so that when the host answers quickly (it nearly always
 * does) the first render is already the right screen: no "Opening Stillroom…" drawn and laid out
 * for a blink, only to be replaced. A slow answer is not waited for: the page renders and says it
 * is opening.
 */
export async function withSettledVaultStatus(connection: Connection, ms: number): Promise<Connection> {
  if (connection.kind !== 'ready') return connection;
  const settled = await Promise.race([
    connection.initialVaultStatus,
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms)),
  ]);
  return settled ? { ...connection, settledVaultStatus: settled } : connection;
}
