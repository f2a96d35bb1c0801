import { useId, useState } from 'react';
import type { CallOutput } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { FormMessage } from '../../components/FormMessage';
import { useFormAction } from '../../components/use-form-action';

type Overview = CallOutput<'reminders.get'>;
type Monday = CallOutput<'monday.get'>;

/** Quiet hours, a break, the Monday message, starting with the computer, and what locking means. */
export function PreferencesCards({
  overview,
  monday,
  onOverview,
  onMonday,
}: {
  overview: Overview;
  monday: Monday;
  onOverview: (next: Overview) => void;
  onMonday: (next: Monday) => void;
}) {
  const api = useApi();
  const id = useId();
  const quiet = useFormAction();
  const pause = useFormAction();
  const weekly = useFormAction();
  const login = useFormAction();
  const locked = useFormAction();
  const [quietOn, setQuietOn] = useState(overview.quietHours !== null);
  const [quietStart, setQuietStart] = useState(overview.quietHours?.start ?? '21:00');
  const [quietEnd, setQuietEnd] = useState(overview.quietHours?.end ?? '07:30');
  const [pauseUntil, setPauseUntil] = useState(overview.pausedUntil ?? '');
  const [mondayTime, setMondayTime] = useState(monday.time);

  return (
    <>
      <section className="card" aria-labelledby={`${id}-quiet`}>
        <h2 id={`${id}-quiet`}>Quiet hours</h2>
        <p>Nothing comes during quiet hours. Anything planned then waits until they end.</p>
        <label className="choice">
          <input type="checkbox" checked={quietOn} onChange={(event) => setQuietOn(event.target.checked)} />
          Keep quiet hours
        </label>
        {quietOn && (
          <div className="time-pair">
            <div className="field">
              <label htmlFor={`${id}-quiet-start`}>Quiet from</label>
              <input
                id={`${id}-quiet-start`}
                type="time"
                value={quietStart}
                onChange={(e) => setQuietStart(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-quiet-end`}>Until</label>
              <input
                id={`${id}-quiet-end`}
                type="time"
                value={quietEnd}
                onChange={(e) => setQuietEnd(e.target.value)}
              />
            </div>
          </div>
        )}
        <FormMessage {...quiet.message} />
        <div className="actions">
          <button
            type="button"
            aria-disabled={quiet.busy}
            onClick={() =>
              void quiet.run(
                () =>
                  call(api, 'reminders.setPreferences', {
                    quietHours: quietOn ? { start: quietStart, end: quietEnd } : null,
                  }),
                (next) => {
                  onOverview(next);
                  return quietOn ? 'Quiet hours saved.' : 'No quiet hours.';
                },
              )
            }
          >
            Save quiet hours
          </button>
        </div>
      </section>

      <section className="card" aria-labelledby={`${id}-pause`}>
        <h2 id={`${id}-pause`}>Taking a break</h2>
        <p>Going on holiday, or just need some space? Rest all reminders until a day you choose.</p>
        <div className="field">
          <label htmlFor={`${id}-pause-until`}>Start again on</label>
          <input
            id={`${id}-pause-until`}
            type="date"
            value={pauseUntil}
            onChange={(e) => setPauseUntil(e.target.value)}
          />
        </div>
        <FormMessage {...pause.message} />
        <div className="actions">
          <button
            type="button"
            aria-disabled={pause.busy}
            onClick={() =>
              pauseUntil
                ? void pause.run(
                    () => call(api, 'reminders.setPreferences', { pausedUntil: pauseUntil }),
                    (next) => {
                      onOverview(next);
                      return `Reminders are resting until ${pauseUntil}.`;
                    },
                  )
                : pause.fail('Choose the day to start again.')
            }
          >
            Pause reminders
          </button>
          {overview.pausedUntil && (
            <button
              type="button"
              className="secondary"
              onClick={() =>
                void pause.run(
                  () => call(api, 'reminders.setPreferences', { pausedUntil: null }),
                  (next) => {
                    onOverview(next);
                    setPauseUntil('');
                    return 'Welcome back. Reminders are on again.';
                  },
                )
              }
            >
              Start again now
            </button>
          )}
        </div>
      </section>

      <section className="card" aria-labelledby={`${id}-monday`}>
        <h2 id={`${id}-monday`}>The Monday message</h2>
        <p>
          One short, encouraging message and a tip for the week, every Monday. The notification only says a
          new message is here.
        </p>
        <div className="field">
          <label htmlFor={`${id}-monday-time`}>Monday at</label>
          <input
            id={`${id}-monday-time`}
            type="time"
            value={mondayTime}
            onChange={(e) => setMondayTime(e.target.value)}
          />
        </div>
        <FormMessage {...weekly.message} />
        <div className="actions">
          <button
            type="button"
            aria-disabled={weekly.busy}
            onClick={() =>
              void weekly.run(
                () => call(api, 'monday.setPreferences', { enabled: true, time: mondayTime || '09:00' }),
                (next) => {
                  onMonday(next);
                  return `The Monday message is on, at ${next.time}.`;
                },
              )
            }
          >
            {monday.enabled ? 'Save the time' : 'Turn on the Monday message'}
          </button>
          {monday.enabled && (
            <button
              type="button"
              className="secondary"
              onClick={() =>
                void weekly.run(
                  () => call(api, 'monday.setPreferences', { enabled: false }),
                  (next) => {
                    onMonday(next);
                    return 'The Monday message is off.';
                  },
                )
              }
            >
              Turn it off
            </button>
          )}
        </div>
      </section>

      <section className="card" aria-labelledby={`${id}-login`}>
        <h2 id={`${id}-login`}>Start with my computer</h2>
        {overview.launchAtLogin.available ? (
          <>
            <p>Stillroom can start quietly in the tray when you log in, so reminders can reach you.</p>
            <label className="choice">
              <input
                type="checkbox"
                checked={overview.launchAtLogin.enabled}
                onChange={(event) =>
                  void login.run(
                    () => call(api, 'reminders.setLaunchAtLogin', { enabled: event.target.checked }),
                    (next) => {
                      onOverview(next);
                      return undefined;
                    },
                  )
                }
              />
              Start Stillroom when I log in
            </label>
          </>
        ) : (
          <p>This is only available in the desktop app on Windows and macOS, not in the browser.</p>
        )}
        <FormMessage {...login.message} />
      </section>

      <section className="card" aria-labelledby={`${id}-locked`}>
        <h2 id={`${id}-locked`}>When Stillroom is locked</h2>
        <p>
          Your reminders are kept in your encrypted data, so while Stillroom is locked it cannot read them and
          stays silent. When you unlock, anything you missed comes as one gentle note, never a pile.
        </p>
        <label className="choice">
          <input
            type="checkbox"
            checked={overview.remindWhileLocked}
            aria-describedby={`${id}-locked-hint`}
            onChange={(event) =>
              void locked.run(
                () => call(api, 'reminders.setPreferences', { remindWhileLocked: event.target.checked }),
                (next) => {
                  onOverview(next);
                  return next.remindWhileLocked
                    ? 'Reminders will come while Stillroom is locked too.'
                    : 'Reminders will wait until you unlock.';
                },
              )
            }
          />
          Remind me even while Stillroom is locked
        </label>
        <p className="hint" id={`${id}-locked-hint`}>
          To do this, Stillroom keeps the times of your next reminders (only the times: no notes, and not what
          they are for) in a small file outside your encrypted data. Someone using your computer account could
          see those times. While locked, a reminder only says your planned moment is ready.
        </p>
        <FormMessage {...locked.message} />
        <p className="muted">
          Quiet hours always apply. Your computer’s Do Not Disturb or Focus mode holds notifications back on
          Windows and macOS; on Linux it depends on your desktop.
        </p>
      </section>
    </>
  );
}
