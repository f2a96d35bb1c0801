import { useEffect, useId, useState, type FormEvent } from 'react';
import {
  DEFAULT_PRIVACY_KEY,
  formatPrivacyKey,
  parsePrivacyKey,
  PRIVACY_KEY_MAX_LENGTH,
  WIND_DOWN_MINUTES,
} from '../../../../src-main/contract/plain';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { FormMessage } from '../../components/FormMessage';
import { useFormAction } from '../../components/use-form-action';

/** The privacy key and the usual wind-down length, in Settings. */
export function RoomSettings() {
  const api = useApi();
  const ids = { key: useId(), hint: useId(), windDown: useId() };
  const [key, setKey] = useState('');
  const [windDown, setWindDown] = useState(3);
  const { busy, message, run, fail } = useFormAction();

  useEffect(() => {
    let live = true;
    void call(api, 'rooms.getPrefs', {}).then((result) => {
      if (!live || !result.ok) return;
      setKey(result.value.privacyKey);
      setWindDown(result.value.windDownMinutes);
    });
    return () => {
      live = false;
    };
  }, [api]);

  function saveKey(event: FormEvent, text = key) {
    event.preventDefault();
    const parsed = parsePrivacyKey(text);
    if (!parsed.ok) return fail(parsed.message);
    const privacyKey = formatPrivacyKey(parsed.key);
    void run(
      () => call(api, 'rooms.setPrefs', { privacyKey }),
      (prefs) => {
        setKey(prefs.privacyKey);
        return `The privacy key is now ${prefs.privacyKey}.`;
      },
    );
  }

  return (
    <section className="card" aria-labelledby="settings-rooms">
      <h2 id="settings-rooms">Session rooms</h2>
      <form onSubmit={saveKey} aria-busy={busy}>
        <div className="field">
          <label htmlFor={ids.key}>Privacy key</label>
          <p id={ids.hint} className="hint">
            Hides a session room at once and leaves a plain screen. Press it again to come back. We suggest{' '}
            {DEFAULT_PRIVACY_KEY}: no common system or app uses it. Use Ctrl, Alt or Cmd with a letter, a
            digit, F1 to F12, or Space.
          </p>
          <input
            id={ids.key}
            type="text"
            value={key}
            maxLength={PRIVACY_KEY_MAX_LENGTH}
            aria-describedby={ids.hint}
            onChange={(event) => setKey(event.target.value)}
          />
        </div>
        <div className="actions">
          <button type="submit" aria-disabled={busy}>
            Save the privacy key
          </button>
          <button
            type="button"
            className="secondary"
            onClick={(event) => {
              setKey(DEFAULT_PRIVACY_KEY);
              saveKey(event, DEFAULT_PRIVACY_KEY);
            }}
          >
            Use the suggested key
          </button>
        </div>
      </form>
      <div className="field">
        <label htmlFor={ids.windDown}>Usual wind-down</label>
        <select
          id={ids.windDown}
          value={windDown}
          onChange={(event) => {
            const minutes = Number(event.target.value) as (typeof WIND_DOWN_MINUTES)[number];
            setWindDown(minutes);
            void run(
              () => call(api, 'rooms.setPrefs', { windDownMinutes: minutes }),
              () => 'Saved.',
            );
          }}
        >
          {WIND_DOWN_MINUTES.map((minutes) => (
            <option key={minutes} value={minutes}>
              {minutes === 1 ? '1 minute' : `${minutes} minutes`}
            </option>
          ))}
        </select>
      </div>
      <FormMessage {...message} />
    </section>
  );
}
