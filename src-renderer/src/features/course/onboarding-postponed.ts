/**
 * "Not now" on the course's first questions holds for the rest of this run of the app: leaving
 * the Course and coming back shows the map, not the questions again. It is kept in memory only,
 * so nothing about it is written anywhere; the next start asks again, and "Tailor my course" is
 * on the map whenever the person wants it.
 */
let postponed = false;

export function postponeOnboarding(): void {
  postponed = true;
}

export function onboardingPostponed(): boolean {
  return postponed;
}
