import { useState, type ReactNode } from 'react';
import type { Result, VaultStatus } from '../../../../src-main/contract';
import { useApi } from '../../api/api-context';
import { ProblemScreen } from './ProblemScreen';
import { SetupScreen } from './SetupScreen';
import { UnlockScreen } from './UnlockScreen';
import { useVault } from './use-vault';
import { GateHelp } from '../help';

/** Nothing personal is shown until the vault is unlocked. */
export function VaultGate({
  initialStatus,
  settledStatus,
  children,
}: {
  initialStatus?: Promise<Result<VaultStatus>>;
  /** The answer to `initialStatus` when it came before the first render. */
  settledStatus?: Result<VaultStatus>;
  children: (lock: () => void) => ReactNode;
}) {
  const api = useApi();
  const { status, setStatus, refresh, loadError } = useVault(api, initialStatus, settledStatus);
  // After an open problem the user may have put files back: let them try to unlock again.
  const [retrying, setRetrying] = useState(false);

  if (loadError) {
    return (
      <main className="standalone">
        <GateHelp />
        <h1>Stillroom is not answering</h1>
        <p role="alert">{loadError}</p>
        <button type="button" onClick={() => void refresh()}>
          Try again
        </button>
      </main>
    );
  }
  if (!status)
    return (
      <p className="standalone" aria-live="polite">
        Opening Stillroom…
      </p>
    );
  if (status.state === 'new') return <SetupScreen status={status} onReady={() => void refresh()} />;
  const canUnlock = status.unlockMethods.length > 0;
  if (status.state === 'problem' && !(retrying && canUnlock)) {
    return (
      <ProblemScreen
        status={status}
        onRetry={() => {
          setRetrying(canUnlock);
          void refresh();
        }}
      />
    );
  }
  if (status.state !== 'unlocked') {
    return (
      <UnlockScreen
        status={status}
        onStatus={(next) => {
          setRetrying(false);
          setStatus(next);
        }}
      />
    );
  }
  return <>{children(() => void api.calls['vault.lock']({}).then(() => refresh()))}</>;
}
