import type { CallOutput, OrganisationSupport } from '../../../src-main/contract';

/** The crisis contacts for the user's country (shipped, or from their organisation's policy). */
export function CrisisResourceList({ help }: { help: CallOutput<'help.resources'> }) {
  return (
    <>
      <p className="notice">
        If your life or someone else&apos;s is in danger now, call <strong>{help.emergency}</strong>.
      </p>
      <ul className="entry-list" aria-label="Places to get help">
        {help.resources.map((resource) => (
          <li key={resource.name} className="entry">
            <h2 className="resource-name">{resource.name}</h2>
            <p>{resource.description}</p>
            {resource.phone && (
              <p>
                Call <strong>{resource.phone}</strong>
              </p>
            )}
            {resource.sms && (
              <p>
                Text <strong>{resource.sms.message}</strong> to <strong>{resource.sms.number}</strong>
              </p>
            )}
            {resource.hours && <p className="muted">{resource.hours}</p>}
            {resource.url && <ServiceLink url={resource.url} />}
          </li>
        ))}
      </ul>
      {help.source === 'policy' && (
        <p className="muted">These contacts were provided by your organisation.</p>
      )}
      {help.organisationSupport && <OrganisationSupportCard support={help.organisationSupport} />}
    </>
  );
}

/** The organisation's own support (its EAP), named in its IT policy. Stillroom never contacts it. */
function OrganisationSupportCard({ support }: { support: OrganisationSupport }) {
  return (
    <section className="card" aria-label="Support from your organisation" data-testid="organisation-support">
      <h2 className="resource-name">{support.name}</h2>
      <p>
        {support.description ??
          'Your organisation offers this confidential support. It does not learn that you use Stillroom.'}
      </p>
      {support.phone && (
        <p>
          Call <strong>{support.phone}</strong>
        </p>
      )}
      {support.email && (
        <p>
          Email <a href={`mailto:${support.email}`}>{support.email}</a>
        </p>
      )}
      {support.hours && <p className="muted">{support.hours}</p>}
      {support.url && <ServiceLink url={support.url} />}
    </section>
  );
}

/** Opens in the user's own browser (the desktop app hands allow-listed links to the OS). */
function ServiceLink({ url }: { url: string }) {
  return (
    <p>
      <a href={url} target="_blank" rel="noreferrer noopener">
        {url.replace(/^https:\/\//, '')}
        <span className="visually-hidden"> (opens in your browser)</span>
      </a>
    </p>
  );
}
