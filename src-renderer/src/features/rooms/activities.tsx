import { useState, type ComponentType } from 'react';
import { QuestionnaireForm } from '../checkins';
import { CourseStepView } from '../course';
import { QuickEntryForm } from '../diary';
import { ThoughtRecordForm } from '../diary';
import { ArticleView } from '../library';
import { GroundingExercise } from '../safety';
import { BreathingPractice } from './BreathingPractice';
import type { RoomActivity, RoomActivityKind } from './activity-catalogue';

export { orderForTime, PICKABLE, ROOM_ACTIVITIES } from './activity-catalogue';
export type { RoomActivity, RoomActivityKind };

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

function CheckinActivity({ activity, draft, onDraftChange, onDone }: ActivityProps<'checkin'>) {
  const [done, setDone] = useState(false);
  if (done) return <p className="card">Thank you. Your answers are saved with your check-ins.</p>;
  return (
    <QuestionnaireForm
      measureId={activity.measureId}
      draft={draft}
      onDraftChange={onDraftChange}
      onSubmitted={() => {
        // The answers are in the check-in records now; the room keeps no second copy of them.
        onDraftChange({});
        setDone(true);
        onDone('Your check-in is saved.');
      }}
      onCancel={() => onDone()}
    />
  );
}

/** How each kind of activity shows in a room. A new kind is a compile error here until it has a view. */
const ACTIVITY_VIEWS: { [K in RoomActivityKind]: ComponentType<ActivityProps<K>> } = {
  breathing: ({ onDone }) => <BreathingPractice onDone={() => onDone()} />,
  grounding: ({ onDone }) => (
    <>
      <GroundingExercise />
      <button type="button" onClick={() => onDone()}>
        I have done this
      </button>
    </>
  ),
  diary: DiaryActivity,
  'thought-record': ({ onDone }) => <ThoughtRecordForm onClose={(message) => onDone(message)} />,
  checkin: CheckinActivity,
  'course-step': ({ activity, onDone }) => (
    <CourseStepView moduleId={activity.moduleId} stepId={activity.stepId} onDone={() => onDone()} />
  ),
  article: ({ activity, onDone }) => <ArticleView articleId={activity.articleId} onDone={() => onDone()} />,
};

export function RoomActivityView(props: ActivityProps) {
  const View = ACTIVITY_VIEWS[props.activity.kind] as ComponentType<ActivityProps>;
  return <View {...props} />;
}
