import type { RoomActivity } from '../../../../src-main/contract';

export type { RoomActivity };
export type RoomActivityKind = RoomActivity['kind'];

interface ActivityEntry {
  label: string;
  /** About how long it takes, so quick ones are offered first when time is short. */
  minutes: number;
  description: string;
}

/**
 * Every kind of activity a room can hold, as words and minutes only. Today's card reads this, so
 * it is kept apart from the activities' views (activities.tsx), which pull in the diary, course,
 * check-in and library forms and load only with the room.
 */
export const ROOM_ACTIVITIES: { [K in RoomActivityKind]: ActivityEntry } = {
  breathing: {
    label: 'Paced breathing',
    minutes: 3,
    description: 'Breathe along with a slow, steady rhythm.',
  },
  grounding: {
    label: 'Grounding',
    minutes: 3,
    description: 'Notice what is around you, one sense at a time.',
  },
  diary: {
    label: 'Stress diary',
    minutes: 2,
    description: 'Note a stressful moment in a minute or two.',
  },
  'thought-record': {
    label: 'Thought record',
    minutes: 15,
    description: 'Look at one stressful thought, step by step.',
  },
  checkin: {
    label: 'Check-in',
    minutes: 5,
    description: 'A short questionnaire on how you have been.',
  },
  'course-step': {
    label: 'Course step',
    minutes: 10,
    description: 'The next step of your course.',
  },
  article: {
    label: 'Library article',
    minutes: 5,
    description: 'A short read from the library.',
  },
};

/** The activities a person can pick from inside a room (course steps and articles open from their own screens). */
export const PICKABLE: RoomActivity[] = [
  { kind: 'breathing' },
  { kind: 'grounding' },
  { kind: 'diary' },
  { kind: 'checkin', measureId: 'phq-4' },
  { kind: 'thought-record' },
];

/** Those that fit in the time first, shortest first; longer ones after. */
export function orderForTime(
  activities: RoomActivity[],
  minutes: number,
): { fits: RoomActivity[]; longer: RoomActivity[] } {
  const byLength = [...activities].sort(
    (a, b) => ROOM_ACTIVITIES[a.kind].minutes - ROOM_ACTIVITIES[b.kind].minutes,
  );
  return {
    fits: byLength.filter((a) => ROOM_ACTIVITIES[a.kind].minutes <= minutes),
    longer: byLength.filter((a) => ROOM_ACTIVITIES[a.kind].minutes > minutes),
  };
}
