import type { DiaryLink } from '../../../../src-main/contract';

/*
 * Links into the diary, for other sections (a course step that wrote to it): "thought/<id>" opens
 * that thought record, "stress/<id>/<occurred at>" opens that entry in its week. The time is in
 * the link because the week is what the diary shows first; the id alone could not place it.
 */

export function diaryItem(link: DiaryLink): string {
  return link.kind === 'thought' ? `thought/${link.id}` : `stress/${link.id}/${link.occurredAt}`;
}

export function splitDiaryItem(item: string | undefined): [string?, string?, string?] {
  const [kind, id, occurredAt] = (item ?? '').split('/', 3);
  return [kind, id, occurredAt];
}
