import { useCallResult } from '../../api/use-call-result';
import { ScreenHeader } from '../../components/ScreenHeader';

/** Crisis resources: calm, plain, always one click away. Stillroom never contacts anyone itself. */
export function HelpScreen() {
  const { value: help, error } = useCallResult('help.resources');
  return (
    <>
      <ScreenHeader title="Need help now?">
        If you are struggling, you do not have to cope alone. These people are there to listen.
      </ScreenHeader>
      {error && <p role="alert">{error}</p>}
      {help && (
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
                    <a href={resource.url} target="_blank" rel="noreferrer noopener">
                      {resource.url.replace(/^https:\/\//, '')}
                      <span className="visually-hidden"> (opens in your browser)</span>
                    </a>
                  </p>
                )}
              </li>
            ))}
          </ul>
          <p className="muted">
            {help.source === 'policy' ? 'These contacts were provided by your organisation.' : ''} Stillroom
            is self-help. It is not an emergency service and does not contact anyone for you.
          </p>
        </>
      )}
    </>
  );
}
