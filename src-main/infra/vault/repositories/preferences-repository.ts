import type { PreferencesRepository } from '../../../core/help/preferences-repository';
import type { VaultDatabase } from '../database';
import { guardWrite } from '../storage-errors';

const CRISIS_COUNTRY = 'crisis-country';
const SOFTEN_SCREEN = 'soften-screen';

export function createPreferencesRepository(db: VaultDatabase): PreferencesRepository {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM preferences WHERE key = ?');
  const write = db.prepare(
    `INSERT INTO preferences (key, value) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  return {
    crisisCountry() {
      const value = read.get(CRISIS_COUNTRY)?.value;
      return value && /^[A-Z]{2}$/.test(value) ? value : null;
    },
    setCrisisCountry(country) {
      guardWrite(() => write.run(CRISIS_COUNTRY, country));
    },
    softenScreen() {
      return read.get(SOFTEN_SCREEN)?.value === 'on';
    },
    setSoftenScreen(on) {
      guardWrite(() => write.run(SOFTEN_SCREEN, on ? 'on' : 'off'));
    },
  };
}
