import { useCallResult } from '../../api/use-call-result';
import { useNavigation } from '../../app/navigation';
import { aboutMinutes } from './course-labels';
import { courseProgressLine } from './progress-line';

/** Today's "Continue where you left off": the next course step and how long it takes. */
export function ContinueCard() {
  const { value } = useCallResult('course.overview');
  const { navigate } = useNavigation();
  const next = value?.next;
  if (!next) return null;
  const progress = courseProgressLine(value);
  return (
    <section className="card" aria-labelledby="today-continue">
      <h2 id="today-continue">
        {next.resumed ? 'Continue where you left off' : 'Your next step in the course'}
      </h2>
      <p>
        {next.moduleTitle}: <strong>{next.stepTitle}</strong> ({aboutMinutes(next.minutes)}).{' '}
        <button
          type="button"
          className="link-button"
          onClick={() => navigate({ section: 'course', item: `${next.moduleId}/${next.stepId}` })}
        >
          {next.resumed ? 'Continue' : 'Start'}
        </button>
      </p>
      {progress && <p className="muted course-progress-line">{progress}</p>}
    </section>
  );
}
