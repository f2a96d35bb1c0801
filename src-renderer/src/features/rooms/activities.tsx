import { useState, type ComponentType } from 'react';
import type { RoomActivity } from '../../../../src-main/contract';
import { QuestionnaireForm } from '../checkins/QuestionnaireForm';
import { CourseStepView } from '../course/CourseStepView';
import { QuickEntryForm } from '../diary/QuickEntryForm';
import { ThoughtRecordForm } from '../diary/ThoughtRecordForm';
import { ArticleView } from '../library/ArticleView';
import { GroundingExercise } from '../safety/GroundingExercise';
import { BreathingPractice } from './BreathingPractice';

export type { RoomActivity };
export type RoomActivityKind = RoomActivity['kind'];

/** What every activity gets from the room it opens in. */
export interface ActivityProps<K extends RoomActivityKind = RoomActivityKind> {
  activity: Extract<RoomActivity, { kind: K }>;
  /** Text the activity typed earlier (kept in the vault through a crash or the privacy key). */
  draft: Record<string, string>;
  onDraftChange: (draft: Record<string, string>) => void;
  /** The activity is finished: the room offers the wind-down. */
  onDone: (message?: string) => void;
}

function DiaryActivity({ draft, onDraftChange, onDone }: ActivityProps<'diary'>) {
  return <QuickEntryForm draft={draft} onDraftChange={onDraftChange} onSaved={() => onDone()} />;
}

function CheckinActivity({ activity, onDone }: ActivityProps<'checkin'>) {
  const [done, setDone] = useState(false);
  if (done) return <p className="card">Thank you. Your answers are saved with your check-ins.</p>;
  return (
    <QuestionnaireForm
      measureId={activity.measureId}
      onSubmitted={() => {
        setDone(true);
        onDone('Your check-in is saved.');
      }}
      onCancel={() => onDone()}
    />
  );
}

interface ActivityEntry<K extends RoomActivityKind> {
  label: string;
  /** About how long it takes, so quick ones are offered first when time is short. */
  minutes: number;
  description: string;
  View: ComponentType<ActivityProps<K>>;
}

/** Every kind of activity a room can hold. A new kind is a compile error here until it has a view. */
export const ROOM_ACTIVITIES: { [K in RoomActivityKind]: ActivityEntry<K> } = {
  breathing: {
    label: 'Paced breathing',
    minutes: 3,
    description: 'Breathe along with a slow, steady rhythm.',
    View: ({ onDone }) => <BreathingPractice onDone={() => onDone()} />,
  },
  grounding: {
    label: 'Grounding',
    minutes: 3,
    description: 'Notice what is around you, one sense at a time.',
    View: ({ onDone }) => (
      <>
        <GroundingExercise />
        <button type="button" onClick={() => onDone()}>
          I have done this
        </button>
      </>
    ),
  },
  diary: {
    label: 'Stress diary',
    minutes: 2,
    description: 'Note a stressful moment in a minute or two.',
    View: DiaryActivity,
  },
  'thought-record': {
    label: 'Thought record',
    minutes: 15,
    description: 'Look at one stressful thought, step by step.',
    View: ({ onDone }) => <ThoughtRecordForm onClose={(message) => onDone(message)} />,
  },
  checkin: {
    label: 'Check-in',
    minutes: 5,
    description: 'A short questionnaire on how you have been.',
    View: CheckinActivity,
  },
  'course-step': {
    label: 'Course step',
    minutes: 10,
    description: 'The next step of your course.',
    View: ({ activity, onDone }) => (
      <CourseStepView moduleId={activity.moduleId} stepId={activity.stepId} onDone={() => onDone()} />
    ),
  },
  article: {
    label: 'Library article',
    minutes: 5,
    description: 'A short read from the library.',
    View: ({ activity, onDone }) => <ArticleView articleId={activity.articleId} onDone={() => onDone()} />,
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

export function RoomActivityView(props: ActivityProps) {
  const View = ROOM_ACTIVITIES[props.activity.kind].View as ComponentType<ActivityProps>;
  return <View {...props} />;
}
