import type { CallOutput, CrisisResources, OrganisationSupport, Policy } from '../../contract';

/** The fallback when Stillroom has no list for where the user is and they have not chosen. */
export const FALLBACK_COUNTRY = 'GB';

/**
 * The region in a locale such as "en-GB", "en_GB.UTF-8" or "de-Latn-DE"; null when it names none
 * ("en", "C", "POSIX"). A bare two-letter code ("GB", as Electron's getLocaleCountryCode gives)
 * counts as a region.
 */
export function countryFromLocale(locale: string | null | undefined): string | null {
  if (!locale) return null;
  const trimmed = locale.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed) && trimmed === trimmed.toUpperCase()) return trimmed;
  const tag = trimmed.split(/[.@]/)[0] ?? '';
  const parts = tag.split(/[-_]/).slice(1);
  const region = parts.find((part) => /^[A-Za-z]{2}$/.test(part));
  return region ? region.toUpperCase() : null;
}

/**
 * Every country's list the user can choose from: Stillroom's own, with the organisation's lists
 * (per country, or the single older-style list) replacing them country by country.
 */
export function crisisLists(
  shipped: readonly CrisisResources[],
  policy: Policy | undefined,
): Map<string, { list: CrisisResources; source: 'policy' | 'default' }> {
  const lists = new Map<string, { list: CrisisResources; source: 'policy' | 'default' }>();
  for (const list of shipped) lists.set(list.country, { list, source: 'default' });
  if (policy?.crisis) lists.set(policy.crisis.country, { list: policy.crisis, source: 'policy' });
  for (const list of Object.values(policy?.crisisByCountry ?? {})) {
    lists.set(list.country, { list, source: 'policy' });
  }
  return lists;
}

/**
 * Whose lines to show: the user's own choice when it is still available, else the computer's
 * region, else the organisation's single list's country, else the UK (with the picker shown).
 */
export function chooseCountry(options: {
  available: ReadonlySet<string> | ReadonlyMap<string, unknown>;
  saved: string | null;
  region: string | null;
  policyCountry?: string;
}): { country: string; chosenBy: 'user' | 'region' | 'fallback' } {
  const { available, saved, region, policyCountry } = options;
  if (saved && available.has(saved)) return { country: saved, chosenBy: 'user' };
  if (region && available.has(region)) return { country: region, chosenBy: 'region' };
  if (policyCountry && available.has(policyCountry)) return { country: policyCountry, chosenBy: 'fallback' };
  return { country: FALLBACK_COUNTRY, chosenBy: 'fallback' };
}

/** What Help shows: the chosen country's lines, the choices, and the organisation's own support. */
export function helpView(options: {
  shipped: readonly CrisisResources[];
  policy: Policy | undefined;
  saved: string | null;
  region: string | null;
}): CallOutput<'help.resources'> {
  const lists = crisisLists(options.shipped, options.policy);
  const { country, chosenBy } = chooseCountry({
    available: lists,
    saved: options.saved,
    region: options.region,
    policyCountry: options.policy?.crisis?.country,
  });
  const chosen = lists.get(country) ?? [...lists.values()][0];
  if (!chosen) throw new Error('No crisis resources are loaded.');
  const support: OrganisationSupport | null = options.policy?.organisationSupport ?? null;
  return {
    ...chosen.list,
    source: chosen.source,
    countries: [...lists.values()]
      .map(({ list }) => ({ code: list.country, name: list.name ?? list.country }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en')),
    chosenBy,
    region: options.region,
    organisationSupport: support,
  };
}
