import { THEMES } from '../../../../src-main/contract/plain';
import type { Theme } from '../../../../src-main/contract';
import { useCallResult } from '../../api/use-call-result';
import type { useTheme } from '../../app/use-theme';
import { ScreenHeader } from '../../components/ScreenHeader';
import { AboutInstallation } from './AboutInstallation';
import { DataRights } from './DataRights';
import { OnScreenSettings } from './OnScreenSettings';
import { SecuritySettings } from './SecuritySettings';
import { RoomSettings } from '../rooms';

const THEME_LABELS: Record<Theme, string> = {
  system: 'Match my computer',
  light: 'Light',
  dark: 'Dark',
};

export function SettingsScreen({ themeState }: { themeState: ReturnType<typeof useTheme> }) {
  const { value: info, error: infoError } = useCallResult('app.info');

  return (
    <>
      <ScreenHeader title="Settings" />
      <section className="card" aria-labelledby="settings-appearance">
        <h2 id="settings-appearance">Appearance</h2>
        <fieldset className="choice-group">
          <legend>Theme</legend>
          {THEMES.map((theme) => (
            <label key={theme} className="choice">
              <input
                type="radio"
                name="theme"
                value={theme}
                checked={themeState.theme === theme}
                onChange={() => void themeState.chooseTheme(theme)}
              />
              {THEME_LABELS[theme]}
            </label>
          ))}
        </fieldset>
        {themeState.error && (
          <p role="alert" className="error">
            Your theme could not be saved: {themeState.error}
          </p>
        )}
      </section>
      <SecuritySettings />
      <OnScreenSettings />
      <RoomSettings />
      <DataRights />
      <AboutInstallation />
      <section className="card" aria-labelledby="settings-about">
        <h2 id="settings-about">About Stillroom</h2>
        {info ? (
          <dl className="facts">
            <dt>Version</dt>
            <dd data-testid="app-version">{info.version}</dd>
            <dt>Running as</dt>
            <dd>
              {info.host === 'electron' ? 'Desktop app' : 'Browser host (no desktop window on this machine)'}
            </dd>
            <dt>Your data folder</dt>
            <dd>
              <code>{info.dataDir}</code>
            </dd>
          </dl>
        ) : infoError ? (
          <p role="alert" className="error">
            {infoError}
          </p>
        ) : (
          <p aria-live="polite">Loading…</p>
        )}
        <p>
          Stillroom makes no network connections and sends no usage data. What it stores stays on this device
          unless you choose to export it.
        </p>
      </section>
    </>
  );
}
