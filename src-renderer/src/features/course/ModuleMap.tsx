import type { CourseOverview, ModuleId, ModuleProgress } from '../../../../src-main/contract';
import { aboutMinutes, minutesShort, STATUS_LABELS, timeSpent } from './course-labels';

/**
 * The progress tracker: what is done, in progress and still to do, time spent and time left by
 * the estimates, and a suggested week-by-week plan. No streaks and no counting of gaps.
 */
export function ModuleMap({
  overview,
  onOpenModule,
  onContinue,
}: {
  overview: CourseOverview;
  onOpenModule: (moduleId: ModuleId) => void;
  onContinue: () => void;
}) {
  const byId = new Map(overview.modules.map((m) => [m.moduleId, m]));
  const planned = overview.plan.map((id) => byId.get(id)).filter((m): m is ModuleProgress => m !== undefined);
  const others = overview.modules.filter((m) => !m.inPlan);
  const { totals, next } = overview;
  return (
    <>
      {next && (
        <section className="card continue-card" aria-labelledby="course-continue">
          <h2 id="course-continue">{next.resumed ? 'Continue where you left off' : 'Up next'}</h2>
          <p>
            {next.moduleTitle}: <strong>{next.stepTitle}</strong> ({aboutMinutes(next.minutes)})
          </p>
          <div className="actions">
            <button type="button" onClick={onContinue}>
              {next.resumed ? 'Continue' : 'Start'}
            </button>
          </div>
        </section>
      )}
      <section aria-labelledby="course-progress">
        <h2 id="course-progress">Your progress</h2>
        <p data-testid="course-totals">
          {totals.modulesDone} of {totals.modulesInPlan} modules in your plan done. Time spent:{' '}
          {timeSpent(totals.secondsSpent)}.
          {totals.minutesLeft > 0
            ? ` About ${Math.round(totals.minutesLeft)} minutes left by the estimates.`
            : ''}
        </p>
        <ol className="module-map">
          {planned.map((module) => (
            <ModuleCard key={module.moduleId} module={module} onOpen={() => onOpenModule(module.moduleId)} />
          ))}
        </ol>
      </section>
      {others.length > 0 && (
        <section aria-labelledby="course-others">
          <h2 id="course-others">Not in your plan</h2>
          <p className="muted">Open any of these whenever you like, or add them to your plan.</p>
          <ul className="module-map">
            {others.map((module) => (
              <ModuleCard
                key={module.moduleId}
                module={module}
                onOpen={() => onOpenModule(module.moduleId)}
              />
            ))}
          </ul>
        </section>
      )}
      {overview.weeks.length > 0 && (
        <section aria-labelledby="course-weeks">
          <h2 id="course-weeks">A weekly plan, if it helps</h2>
          <p className="muted">
            A suggestion for what is left, from this week, that fits the time you said you have
            {overview.profile ? ` (${overview.profile.minutesPerWeek} minutes a week)` : ''}. It moves on as
            you do; go faster or slower as suits you.
          </p>
          <ol className="week-plan">
            {overview.weeks.map((week) => (
              <li key={week.week}>
                <span className="week-name">{weekName(week.week)}</span>{' '}
                {week.items
                  .map(
                    (item) =>
                      `${item.continued ? 'carry on with ' : ''}${byId.get(item.moduleId)?.title ?? item.moduleId}${
                        item.route === 'quick' ? ' (5-minute route)' : ''
                      }`,
                  )
                  .join(', ')}
                <span className="muted"> · about {minutesShort(week.minutes)}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

function ModuleCard({ module, onOpen }: { module: ModuleProgress; onOpen: () => void }) {
  return (
    <li className={`module-card ${module.status}`} data-testid={`module-${module.moduleId}`}>
      <button type="button" className="module-open" onClick={onOpen}>
        <span className="module-name">{module.title}</span>
        <span className="module-status">
          <span className={`status-dot ${module.status}`} aria-hidden="true" />
          {STATUS_LABELS[module.status]}
          {module.status === 'in-progress' && ` · ${module.stepsDone} of ${module.stepCount} steps`}
        </span>
        <span className="module-meta muted">
          {module.core ? 'Core' : 'Optional'} · {minutesShort(module.minutes)} (
          {minutesShort(module.quickMinutes)} on the 5-minute route)
          {module.secondsSpent > 0 && ` · spent ${timeSpent(module.secondsSpent)}`}
          {module.status === 'in-progress' && ` · about ${minutesShort(module.minutesLeft)} left`}
        </span>
      </button>
    </li>
  );
}

/** Weeks counted from now: the plan always starts with what is left this week. */
function weekName(week: number): string {
  if (week === 1) return 'This week';
  if (week === 2) return 'Next week';
  return `Week ${week}`;
}
