import { BookOpenCheck, Check } from 'lucide-react';
import { useEffect, useRef } from 'react';
import type { CallOutput, ContinueTarget, DiaryLink } from '../../../../src-main/contract';
import { useNavigation } from '../../app/navigation';
import { diaryItem } from '../diary';
import { timeSpent } from './course-labels';
import './step-done.css';

/** A diary-shaped step, finished: where its answers went, one click from seeing them there. */
export function DiaryAdded({ link }: { link: DiaryLink }) {
  const { navigate } = useNavigation();
  const what = link.kind === 'thought' ? 'thought record' : 'entry';
  return (
    <p className="notice diary-added" role="status" data-testid="diary-added">
      <BookOpenCheck aria-hidden="true" size={18} />
      <span>
        Added to your diary.{' '}
        <a
          href={`#diary:${link.id}`}
          onClick={(event) => {
            event.preventDefault();
            navigate({ section: 'diary', item: diaryItem(link) });
          }}
        >
          Open the {what} in your diary
        </a>
      </span>
    </p>
  );
}

/**
 * The end of a module: what the person did in it, the one thing to keep, and the next module in
 * their plan with a button to start it. Calm, no score, no streak.
 */
export function ModuleComplete({
  finished,
  next,
  onStart,
  onMap,
}: {
  finished: CallOutput<'course.module'>;
  next: ContinueTarget | null;
  onStart: (target: ContinueTarget) => void;
  onMap: () => void;
}) {
  const { module, progress } = finished;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const done = module.steps.filter((step) => step.progress.completedAt !== null);
  return (
    <section
      className="card module-complete"
      aria-labelledby="module-complete-title"
      data-testid="module-complete"
    >
      <h2 id="module-complete-title" tabIndex={-1} ref={heading}>
        {module.title}: done
      </h2>
      <p>
        You did {done.length === 1 ? 'one step' : `${done.length} steps`}
        {progress.secondsSpent >= 60 ? ` in ${timeSpent(progress.secondsSpent)}` : ''}. Well done for making
        the time.
      </p>
      <ul className="done-steps" aria-label="What you did in this module">
        {done.map((step) => (
          <li key={step.id}>
            <Check aria-hidden="true" size={16} />
            {step.title}
          </li>
        ))}
      </ul>
      <p className="keep">
        <strong>The one thing to keep: </strong>
        {module.takeaway}
      </p>
      <div className="actions">
        {next ? (
          <>
            <p className="next-module">
              Next in your plan: <strong>{next.moduleTitle}</strong>
            </p>
            <button type="button" onClick={() => onStart(next)}>
              {next.resumed ? 'Carry on with' : 'Start'} {next.moduleTitle}
            </button>
            <button type="button" className="secondary" onClick={onMap}>
              Back to the course map
            </button>
          </>
        ) : (
          <>
            <p className="next-module">That was the last module in your plan.</p>
            <button type="button" onClick={onMap}>
              Back to the course map
            </button>
          </>
        )}
      </div>
    </section>
  );
}
