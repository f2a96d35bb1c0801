export const SECTIONS = [
  { id: 'today', label: 'Today' },
  { id: 'course', label: 'Course' },
  { id: 'diary', label: 'Diary' },
  { id: 'checkins', label: 'Check-ins' },
  { id: 'library', label: 'Library' },
  { id: 'settings', label: 'Settings' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

export function isSectionId(value: unknown): value is SectionId {
  return SECTIONS.some((section) => section.id === value);
}
