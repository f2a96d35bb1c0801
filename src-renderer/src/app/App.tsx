import type { Connection } from '../api/connect';
import { ApiContext } from '../api/api-context';
import { VaultGate } from '../features/vault/VaultGate';
import { Shell } from './Shell';

export function App({ connection }: { connection: Connection }) {
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
      <VaultGate>{(lock) => <Shell onLock={lock} />}</VaultGate>
    </ApiContext.Provider>
  );
}
