import { useEffect, useId, useState } from 'react';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { FormMessage } from '../../components/FormMessage';
import { useFormAction } from '../../components/use-form-action';

/**
 * "Soften what's on screen": kept in the vault, off until chosen. Saving it sends privacy.changed,
 * which the window's privacy cover follows (components/use-privacy-prefs.ts), so it takes effect
 * at once here and in any other window.
 */
export function OnScreenSettings() {
  const api = useApi();
  const hintId = useId();
  const [soften, setSoften] = useState<boolean>();
  const { busy, message, run } = useFormAction();

  useEffect(() => {
    let live = true;
    void call(api, 'privacy.getPrefs', {}).then((result) => {
      if (live && result.ok) setSoften(result.value.softenScreen);
    });
    return () => {
      live = false;
    };
  }, [api]);

  function choose(on: boolean) {
    setSoften(on);
    void run(
      () => call(api, 'privacy.setPrefs', { softenScreen: on }),
      (saved) => {
        setSoften(saved.softenScreen);
        return saved.softenScreen
          ? 'Softened. Point at the text, or move to it with the keyboard, to read it.'
          : 'Everything is shown clearly again.';
      },
    );
  }

  return (
    <section className="card" aria-labelledby="settings-on-screen" aria-busy={busy}>
      <h2 id="settings-on-screen">On screen</h2>
      <label className="choice">
        <input
          type="checkbox"
          checked={soften ?? false}
          aria-describedby={hintId}
          onChange={(event) => choose(event.target.checked)}
        />
        Soften what’s on screen
      </label>
      <p id={hintId} className="hint">
        Check-in questions, your diary and thought records, and your safety plan are blurred until you point
        at them or move to them with the keyboard. Useful in an open office or on a train. Screen readers read
        everything as usual.
      </p>
      <FormMessage {...message} />
    </section>
  );
}
