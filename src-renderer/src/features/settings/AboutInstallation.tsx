import { useCallResult } from '../../api/use-call-result';

/** What the organisation configured, and the plain promise of what it can see: nothing. */
export function AboutInstallation() {
  const { value: policy } = useCallResult('policy.get');
  return (
    <section className="card" aria-labelledby="settings-installation">
      <h2 id="settings-installation">About this installation</h2>
      <p>
        <strong>What your organisation can see: nothing.</strong> Your organisation may install and configure
        Stillroom, but Stillroom sends nothing to it or to anyone else: not whether you use it, not when, and
        not what you write.
      </p>
      {policy?.state === 'none' && (
        <p className="muted">No organisation settings are installed on this computer.</p>
      )}
      {policy?.state === 'ok' && (
        <dl className="facts" data-testid="policy-in-force">
          <dt>Organisation</dt>
          <dd>{policy.policy.organisation.name}</dd>
          {policy.policy.organisation.endorsement && (
            <>
              <dt>Their message</dt>
              <dd>{policy.policy.organisation.endorsement}</dd>
            </>
          )}
          {policy.policy.coach && (
            <>
              <dt>Coach</dt>
              <dd>
                {policy.policy.coach.name}
                {policy.policy.coach.email && ` · ${policy.policy.coach.email}`}
                {policy.policy.coach.phone && ` · ${policy.policy.coach.phone}`}
              </dd>
            </>
          )}
          {policy.policy.enforced?.exportAllowed === false && (
            <>
              <dt>Set by your organisation</dt>
              <dd>Sharing an export with a coach is turned off.</dd>
            </>
          )}
          {policy.policy.enforced?.keychainAllowed === false && (
            <>
              <dt>Set by your organisation</dt>
              <dd>Unlocking with the system keychain is turned off.</dd>
            </>
          )}
          <dt>Settings file</dt>
          <dd>
            <code>{policy.path}</code>
          </dd>
        </dl>
      )}
      {policy?.state === 'invalid' && (
        <div role="status" data-testid="policy-problems">
          <p>
            Organisation settings were found at <code>{policy.path}</code> but could not be used, so Stillroom
            is running with its own defaults. Your IT team can fix:
          </p>
          <ul>
            {policy.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
