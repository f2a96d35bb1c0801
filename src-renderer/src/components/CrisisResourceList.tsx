import type { CallOutput } from '../../../src-main/contract';
import { ExternalLink } from './ExternalLink';

/** The crisis contacts for the user's country (shipped, or from their organisation's policy). */
export function CrisisResourceList({ help }: { help: CallOutput<'help.resources'> }) {
  // A policy's own crisis contacts are the organisation's to offer, as the desktop shell allows.
  const hosts = help.source === 'policy' ? help.resources.flatMap((resource) => hostOf(resource.url)) : [];
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
            {resource.url && (
              <p>
                {/* Opens in the user's own browser (the desktop app hands allow-listed links to the OS). */}
                <ExternalLink href={resource.url} extraHosts={hosts}>
                  {resource.url.replace(/^https:\/\//, '')}
                  <span className="visually-hidden"> (opens in your browser)</span>
                </ExternalLink>
              </p>
            )}
          </li>
        ))}
      </ul>
      {help.source === 'policy' && (
        <p className="muted">These contacts were provided by your organisation.</p>
      )}
    </>
  );
}

function hostOf(url: string | undefined): string[] {
  try {
    return url ? [new URL(url).hostname.toLowerCase()] : [];
  } catch {
    return [];
  }
}
