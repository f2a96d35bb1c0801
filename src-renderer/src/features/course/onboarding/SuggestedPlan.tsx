import { useEffect, useRef } from 'react';
import type { CourseOverview, FocusArea } from '../../../../../src-main/contract';
import { PlanEditor } from '../PlanEditor';

/** The suggested order, why it is that order, and the plan to change straight away. */
export function SuggestedPlan({
  saved,
  focusAreas,
  onSaved,
  onFinished,
}: {
  saved: CourseOverview;
  focusAreas: readonly FocusArea[];
  onSaved: (next: CourseOverview) => void;
  onFinished: (next: CourseOverview) => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const recommendation = saved.recommendation;
  return (
    <>
      <h2 tabIndex={-1} ref={heading}>
        Your suggested order
      </h2>
      <p>Here is where we suggest you start, based on what you told us. It is yours to change.</p>
      {recommendation && (
        <section className="card" aria-labelledby="onboarding-why">
          <h3 id="onboarding-why">Why this order</h3>
          <ul>
            <li>Understanding stress comes first, and Staying well comes last, to gather what helped.</li>
            {focusAreas.length > 0 && <li>Modules on what you said brings you here come earlier.</li>}
            {saved.profile?.baseline && <li>Your stress check nudged a few modules forward.</li>}
            {recommendation.suggestedOptional.map((s) => (
              <li key={s.moduleId}>
                {s.reason} So we added {saved.modules.find((m) => m.moduleId === s.moduleId)?.title}.
              </li>
            ))}
            {recommendation.route !== 'full' && (
              <li>
                To fit your time, {recommendation.route === 'quick' ? 'each module' : 'some later modules'}{' '}
                follow the 5-minute route. You can always do the full version.
              </li>
            )}
          </ul>
        </section>
      )}
      <PlanEditor overview={saved} onSaved={onSaved} />
      <div className="actions">
        <button type="button" onClick={() => onFinished(saved)}>
          Go to my course
        </button>
      </div>
    </>
  );
}
