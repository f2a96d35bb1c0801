export const SECTIONS = [
  { id: 'today', label: 'Today' },
  { id: 'course', label: 'Course' },
  { id: 'diary', label: 'Diary' },
  { id: 'checkins', label: 'Check-ins' },
  { id: 'library', label: 'Library' },
  { id: 'reminders', label: 'Reminders' },
  { id: 'share', label: 'Share with a coach' },
  { id: 'settings', label: 'Settings' },
] as const;

/** Not in the main list: reached from the quiet "Need help now?" link on every screen. */
export const HELP_SECTION = { id: 'help', label: 'Need help now?' } as const;

export type SectionId = (typeof SECTIONS)[number]['id'] | typeof HELP_SECTION.id;

export function isSectionId(value: unknown): value is SectionId {
  return value === HELP_SECTION.id || SECTIONS.some((section) => section.id === value);
}

/**
 * Sections whose navigation item is a view of its own (a module, a step, an article), so Back
 * from it leads to the section's start. Elsewhere an item only points at something on the one
 * page (a form to open, a card to focus) and there is nothing to go back to.
 */
const SECTIONS_WITH_VIEWS: readonly SectionId[] = ['course', 'library'];

export function sectionHasViews(section: SectionId): boolean {
  return SECTIONS_WITH_VIEWS.includes(section);
}
