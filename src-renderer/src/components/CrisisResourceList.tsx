import type { CallOutput, OrganisationSupport } from '../../../src-main/contract';
import { ExternalLink } from './ExternalLink';

/** The crisis contacts for the user's country (shipped, or from their organisation's policy). */
export function CrisisResourceList({ help }: { help: CallOutput<'help.resources'> }) {
  // A policy's own contacts are the organisation's to offer, as the desktop shell allows.
  const hosts = [
    ...(help.source === 'policy' ? help.resources.flatMap((resource) => hostOf(resource.url)) : []),
    ...hostOf(help.organisationSupport?.url),
    ...mailHostOf(help.organisationSupport?.email),
  ];
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
            {resource.url && <ServiceLink url={resource.url} hosts={hosts} />}
          </li>
        ))}
      </ul>
      {help.source === 'policy' && (
        <p className="muted">These contacts were provided by your organisation.</p>
      )}
      {help.organisationSupport && (
        <OrganisationSupportCard support={help.organisationSupport} hosts={hosts} />
      )}
    </>
  );
}

/** The organisation's own support (its EAP), named in its IT policy. Stillroom never contacts it. */
function OrganisationSupportCard({ support, hosts }: { support: OrganisationSupport; hosts: string[] }) {
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
          Email{' '}
          <ExternalLink href={`mailto:${support.email}`} extraHosts={hosts}>
            {support.email}
          </ExternalLink>
        </p>
      )}
      {support.hours && <p className="muted">{support.hours}</p>}
      {support.url && <ServiceLink url={support.url} hosts={hosts} />}
    </section>
  );
}

/** Opens in the user's own browser (the desktop app hands allow-listed links to the OS). */
function ServiceLink({ url, hosts }: { url: string; hosts: string[] }) {
  return (
    <p>
      <ExternalLink href={url} extraHosts={hosts}>
        {url.replace(/^https:\/\//, '')}
        <span className="visually-hidden"> (opens in your browser)</span>
      </ExternalLink>
    </p>
  );
}

function hostOf(url: string | undefined): string[] {
  try {
    return url ? [new URL(url).hostname.toLowerCase()] : [];
  } catch {
    return [];
  }
}

function mailHostOf(email: string | undefined): string[] {
  return email ? [email.slice(email.lastIndexOf('@') + 1).toLowerCase()] : [];
}
