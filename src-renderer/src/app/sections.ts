export const SECTIONS = [
  { id: 'today', label: 'Today' },
  { id: 'course', label: 'Course' },
  { id: 'diary', label: 'Diary' },
  { id: 'checkins', label: 'Check-ins' },
  { id: 'library', label: 'Library' },
  { id: 'settings', label: 'Settings' },
  { id: 'share', label: 'Share with a coach' },
] as const;

/** Not in the main list: reached from the quiet "Need help now?" link on every screen. */
export const HELP_SECTION = { id: 'help', label: 'Need help now?' } as const;

export type SectionId = (typeof SECTIONS)[number]['id'] | typeof HELP_SECTION.id;

export function isSectionId(value: unknown): value is SectionId {
  return value === HELP_SECTION.id || SECTIONS.some((section) => section.id === value);
}
