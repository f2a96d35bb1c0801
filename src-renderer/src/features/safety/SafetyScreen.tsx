import { useEffect, useRef } from 'react';
import { useCallResult } from '../../api/use-call-result';
import { CrisisResourceList } from '../../components/CrisisResourceList';
import { GroundingExercise } from './GroundingExercise';
import { SafetyPlanForm } from './SafetyPlanForm';
import { SlowBreathing } from './SlowBreathing';
import { useNavigation } from '../../app/navigation';

/**
 * Shown at once when answers suggest someone may be at risk. Calm, never blocking: the person can
 * go on to their results whenever they want. Nothing is sent anywhere.
 */
export function SafetyScreen({
  onContinue,
  continueLabel,
}: {
  onContinue: () => void;
  continueLabel: string;
}) {
  const { value: help } = useCallResult('help.resources');
  const { navigate } = useNavigation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="safety-title" data-testid="safety-screen">
      <header className="screen-header">
        <h1 id="safety-title" tabIndex={-1} ref={heading}>
          Thank you for answering honestly
        </h1>
        <p className="lead">
          Some of your answers suggest you may be going through a very hard time. You do not have to face it
          alone, and talking to someone today can help.
        </p>
      </header>
      {help && <CrisisResourceList help={help} />}
      <section className="card" aria-labelledby="about-thoughts-title">
        <h2 id="about-thoughts-title">About thoughts of suicide</h2>
        <p>
          Many people have thoughts like these when things build up. They are not your fault, they often pass,
          and talking to someone helps.
        </p>
        <div className="actions">
          <button
            type="button"
            className="secondary"
            onClick={() => navigate({ section: 'library', item: 'suicidal-thoughts' })}
          >
            Read: If you are having thoughts of suicide
          </button>
        </div>
      </section>
      <GroundingExercise />
      <SlowBreathing />
      <SafetyPlanForm printable />
      <p className="muted">Only you can see this. Stillroom has not told anyone.</p>
      <div className="actions">
        <button type="button" className="secondary" onClick={onContinue}>
          {continueLabel}
        </button>
      </div>
    </section>
  );
}
