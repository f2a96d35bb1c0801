import { useEffect, useState } from 'react';
import type { NotificationTarget, SnoozeChoice } from '../../../../src-main/contract';
import { NOTIFICATION_TEXT } from '../../../../src-main/contract/plain';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import type { NavTarget } from '../../app/navigation';
import { navTargetOf } from './reminder-text';

const SNOOZES: { choice: SnoozeChoice; label: string }[] = [
  { choice: '10m', label: 'In 10 minutes' },
  { choice: '1h', label: 'In an hour' },
  { choice: 'tomorrow', label: 'Tomorrow' },
];

/**
 * A reminder inside the app: the same fixed words as the notification, with Open and Snooze.
 * It also carries out a click on the system notification (the `reminder.open` event). Where the
 * system shows no notifications, this is how the reminder still reaches the user.
 */
export function ReminderBanner({ navigate }: { navigate: (target: NavTarget) => void }) {
  const api = useApi();
  const [shown, setShown] = useState<NotificationTarget | undefined>();
  const [status, setStatus] = useState('');

  useEffect(() => {
    const offFired = api.on('reminder.fired', ({ target }) => {
      setStatus('');
      setShown(target);
    });
    const offOpen = api.on('reminder.open', ({ target }) => {
      setShown(undefined);
      navigate(navTargetOf(target));
    });
    return () => {
      offFired();
      offOpen();
    };
  }, [api, navigate]);

  if (!shown)
    return status ? (
      <p role="status" className="muted">
        {status}
      </p>
    ) : null;
  return (
    <section className="card reminder-banner" role="status" aria-label="Reminder">
      <p>{NOTIFICATION_TEXT.body[shown]}</p>
      <div className="actions">
        <button
          type="button"
          onClick={() => {
            setShown(undefined);
            navigate(navTargetOf(shown));
          }}
        >
          Open
        </button>
        {SNOOZES.map(({ choice, label }) => (
          <button
            key={choice}
            type="button"
            className="secondary"
            onClick={() =>
              void call(api, 'reminders.snooze', { choice, target: shown }).then((result) => {
                setShown(undefined);
                setStatus(result.ok ? 'Snoozed. It will come back later.' : result.error.message);
              })
            }
          >
            {label}
          </button>
        ))}
        <button type="button" className="secondary" onClick={() => setShown(undefined)}>
          Not now
        </button>
      </div>
    </section>
  );
}
