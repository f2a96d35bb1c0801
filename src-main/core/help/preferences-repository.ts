/** Small personal choices kept in the vault (e.g. the crisis lines' country). */
export interface PreferencesRepository {
  crisisCountry(): string | null;
  setCrisisCountry(country: string): void;
}
