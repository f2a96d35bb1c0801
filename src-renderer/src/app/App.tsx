import type { Connection } from '../api/connect';
import { ApiContext } from '../api/api-context';
import { VaultGate } from '../features/vault/VaultGate';
import { Shell } from './Shell';
import { useTheme } from './use-theme';

export function App({ connection }: { connection: Connection }) {
  // Applied above the vault gate, so the setup, lock and problem screens follow the theme too.
  const themeState = useTheme(
    connection.kind === 'missing-token' ? undefined : connection.bridge,
    connection.kind === 'missing-token'
      ? undefined
      : {
          pending: connection.initialSettings,
          ...(connection.settledSettings ? { settled: connection.settledSettings } : {}),
        },
  );
  if (connection.kind === 'missing-token') {
    return (
      <main className="standalone">
        <h1>Stillroom needs its address</h1>
        <p>
          Open Stillroom with the full address it printed when it started (the one that ends in
          <code>#token=…</code>). The token keeps other websites from reaching your data.
        </p>
      </main>
    );
  }
  return (
    <ApiContext.Provider value={connection.bridge}>
      <VaultGate
        initialStatus={connection.initialVaultStatus}
        {...(connection.settledVaultStatus ? { settledStatus: connection.settledVaultStatus } : {})}
      >
        {(lock) => <Shell onLock={lock} themeState={themeState} />}
      </VaultGate>
    </ApiContext.Provider>
  );
}
