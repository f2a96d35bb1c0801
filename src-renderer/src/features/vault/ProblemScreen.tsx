import type { VaultStatus } from '../../../../src-main/contract';
import { RestoreForm } from './RestoreForm';
import { GateHelp } from '../help';

/** When the vault cannot open: say what is wrong, that nothing was deleted, and what can be done. */
export function ProblemScreen({ status, onRetry }: { status: VaultStatus; onRetry: () => void }) {
  return (
    <main className="standalone">
      <GateHelp />
      <h1>Stillroom cannot open your data</h1>
      <section className="card" aria-labelledby="problem-what">
        <h2 id="problem-what">What happened</h2>
        <p data-testid="vault-problem" data-code={status.problem?.code}>
          {status.problem?.message ?? 'Something is wrong with your data folder.'}
        </p>
        <div className="actions">
          <button type="button" onClick={onRetry}>
            Try again
          </button>
        </div>
      </section>
      <section className="card" aria-labelledby="problem-restore">
        <h2 id="problem-restore">Restore a backup</h2>
        <RestoreForm vaultExists onDone={onRetry} />
      </section>
    </main>
  );
}
