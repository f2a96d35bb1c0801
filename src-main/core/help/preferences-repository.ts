/** Small personal choices kept in the vault (e.g. the crisis lines' country). */
export interface PreferencesRepository {
  crisisCountry(): string | null;
  setCrisisCountry(country: string): void;
  /** "Soften what's on screen" (Settings); off until the person turns it on. */
  softenScreen(): boolean;
  setSoftenScreen(on: boolean): void;
}
