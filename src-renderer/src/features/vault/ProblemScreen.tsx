import type { VaultStatus } from '../../../../src-main/contract';
import { RestoreForm } from './RestoreForm';

/** When the vault cannot open: say what is wrong, that nothing was deleted, and what can be done. */
export function ProblemScreen({ status, onRetry }: { status: VaultStatus; onRetry: () => void }) {
  // The engine not loading is about the installed app, not the data: a backup would not open
  // either, so the screen does not offer one.
  const engine = status.problem?.code === 'engine_unavailable';
  return (
    <main className="standalone">
      <h1>{engine ? 'Stillroom could not start properly' : 'Stillroom cannot open your data'}</h1>
      <section className="card" aria-labelledby="problem-what">
        <h2 id="problem-what">What happened</h2>
        <p data-testid="vault-problem" data-code={status.problem?.code}>
          {status.problem?.message ?? 'Something is wrong with your data folder.'}
        </p>
        {engine && (
          <p>
            Your diary, answers and settings are safe in their file. Install Stillroom again (or ask whoever
            set it up for you), then open it as usual.
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={onRetry}>
            Try again
          </button>
        </div>
      </section>
      {!engine && (
        <section className="card" aria-labelledby="problem-restore">
          <h2 id="problem-restore">Restore a backup</h2>
          <RestoreForm vaultExists onDone={onRetry} />
        </section>
      )}
    </main>
  );
}
