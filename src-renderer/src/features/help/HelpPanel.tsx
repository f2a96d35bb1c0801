import { useEffect, useId, useState } from 'react';
import type { CallOutput } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { CrisisResourceList } from '../../components/CrisisResourceList';

type Help = CallOutput<'help.resources'>;

/**
 * The crisis lines for the user's country, with a picker. Works while locked (nothing in it is
 * personal); `saveChoice` keeps the chosen country in the vault, so only the unlocked Help does.
 */
export function HelpPanel({ saveChoice }: { saveChoice: boolean }) {
  const api = useApi();
  const pickerId = useId();
  const [help, setHelp] = useState<Help>();
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let live = true;
    void call(api, 'help.resources', {}).then((result) => {
      if (!live) return;
      if (result.ok) setHelp(result.value);
      else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [api]);

  async function choose(country: string) {
    setSaved(false);
    const result = saveChoice
      ? await call(api, 'help.setCountry', { country })
      : await call(api, 'help.resources', { country });
    if (!result.ok) return setError(result.error.message);
    setError(undefined);
    setHelp(result.value);
    setSaved(saveChoice);
  }

  if (error && !help) return <p role="alert">{error}</p>;
  if (!help) return <p aria-live="polite">Loading…</p>;
  const noListForRegion = help.chosenBy === 'fallback' && help.region !== null;
  return (
    <div className="help-panel" data-testid="help-panel">
      <div className="field country-picker">
        <label htmlFor={pickerId}>Show help lines for</label>
        <select id={pickerId} value={help.country} onChange={(event) => void choose(event.target.value)}>
          {help.countries.map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </select>
        <p className="hint" aria-live="polite">
          {saved
            ? 'Saved. Stillroom will show these lines first from now on.'
            : noListForRegion
              ? 'Stillroom has no list for where your computer says you are yet. Choose the nearest country, or call your local emergency number.'
              : saveChoice
                ? 'Your choice is kept, encrypted, on this computer.'
                : 'Chosen from your computer’s region. Your own choice, once saved in Help, is used after you unlock.'}
        </p>
      </div>
      {error && <p role="alert">{error}</p>}
      <CrisisResourceList help={help} />
    </div>
  );
}
