import { useEffect, useRef, useState } from 'react';
import type { CourseOverview, Measure, ScaleResult } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { DraftOffer } from '../../components/DraftOffer';
import { useDraft } from '../../components/use-draft';
import { QuestionCards, questionText } from './onboarding/QuestionCards';
import { QuestionScreen } from './onboarding/QuestionScreen';
import { StressResult } from './onboarding/StressResult';
import { SuggestedPlan } from './onboarding/SuggestedPlan';
import {
  answered,
  answersFromDraft,
  answersToDraft,
  initialAnswers,
  onboardingQuestions,
  STRESS_CHECK,
  stressSubmission,
  type OnboardingAnswers,
  type OnboardingQuestion,
} from './onboarding/onboarding-answers';
import './onboarding/onboarding.css';

type Stage = 'questions' | 'result' | 'plan';

/** What each question says when Next is pressed before it has an answer. */
const STILL_NEEDED: Record<OnboardingQuestion['kind'], string> = {
  focus: '',
  minutes: 'Choose how much time you have in a typical week.',
  support: 'Choose the kind of support you would like.',
  'stress-check': 'Choose whether to take the stress check now or skip it.',
  'stress-item': 'Choose the answer that fits best, then carry on.',
};

/**
 * Tailoring the course, one question per screen: what brings you here, time in a typical week,
 * the kind of support you prefer, and an optional stress check (the real PSS-10, one item per
 * screen; skipping it means no band, never a made-up score). Its result comes first, gently;
 * then the suggested order, which the user can change straight away or any time later.
 */
export function Onboarding({
  overview,
  onFinished,
  onCancel,
}: {
  overview: CourseOverview;
  onFinished: (next: CourseOverview) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  // All the answers live in this one object, kept as an encrypted draft as they are given, so a
  // section change or a reload loses none of them until the profile is saved.
  const [answers, setAnswers] = useState<OnboardingAnswers>(() => initialAnswers(overview.profile));
  const [position, setPosition] = useState(0);
  const [saved, setSaved] = useState<CourseOverview>();
  const [untouched] = useState(() => answersToDraft(initialAnswers(overview.profile), 0));
  // Once the profile is saved, nothing of this onboarding is a draft any more, even if a save is
  // asked for before the next render (focus leaving the button just pressed).
  const finished = useRef(false);
  const draft = useDraft(
    'onboarding',
    saved ? untouched : answersToDraft(answers, position),
    (fields) => {
      const restored = answersFromDraft(fields);
      if (!restored) return;
      setAnswers(restored.answers);
      setPosition(restored.position);
    },
    (fields) => !finished.current && JSON.stringify(fields) !== JSON.stringify(untouched),
  );
  const [stage, setStage] = useState<Stage>('questions');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ScaleResult>();
  const heading = useRef<HTMLHeadingElement>(null);

  // The PSS-10 is offered only where its licence allows (measures.list leaves it out otherwise).
  const [stressCheck, setStressCheck] = useState<Measure | 'loading' | 'not-offered'>('loading');
  useEffect(() => {
    let live = true;
    void (async () => {
      const list = await call(api, 'measures.list', {});
      const offered = list.ok && list.value.measures.some((m) => m.id === STRESS_CHECK);
      const measure = offered ? await call(api, 'measures.get', { measureId: STRESS_CHECK }) : undefined;
      if (live) setStressCheck(measure?.ok ? measure.value : 'not-offered');
    })();
    return () => {
      live = false;
    };
  }, [api]);
  const measure = typeof stressCheck === 'string' ? undefined : stressCheck;

  // The Course heading has focus when the screen opens; each later question takes it for itself.
  const firstQuestion = useRef(true);
  useEffect(() => {
    if (firstQuestion.current) {
      firstQuestion.current = false;
      return;
    }
    heading.current?.focus();
  }, [position]);

  // A second Enter while the answers are on their way must not save the profile twice.
  const saving = useRef(false);

  async function finish(final: OnboardingAnswers) {
    if (final.minutesPerWeek === undefined || final.support === undefined || saving.current) return;
    saving.current = true;
    setBusy(true);
    setError(undefined);
    let baselineResultId: string | null = null;
    let scale: ScaleResult | undefined;
    if (measure && final.stressCheck === 'take') {
      const submitted = await call(api, 'measures.submit', {
        measureId: STRESS_CHECK,
        answers: stressSubmission(final, measure),
        optionalScales: [],
      });
      if (!submitted.ok || submitted.value.status !== 'scored') {
        saving.current = false;
        setBusy(false);
        return setError(submitted.ok ? 'Some answers are still needed.' : submitted.error.message);
      }
      baselineResultId = submitted.value.id;
      scale = submitted.value.result.scales.find((s) => s.primary);
    }
    const profile = await call(api, 'course.saveProfile', {
      focusAreas: final.focusAreas,
      minutesPerWeek: final.minutesPerWeek,
      baselineResultId,
      support: final.support,
    });
    saving.current = false;
    setBusy(false);
    if (!profile.ok) return setError(profile.error.message);
    finished.current = true;
    draft.clear(untouched);
    setSaved(profile.value);
    setResult(scale);
    setStage(scale ? 'result' : 'plan');
  }

  const questions = onboardingQuestions(answers, measure);
  const question = questions[Math.min(position, questions.length - 1)] ?? { kind: 'focus' };
  const last = position >= questions.length - 1 && stressCheck !== 'loading';

  /** Moves on from this question with these answers, or finishes after the last one. */
  function goOn(next: OnboardingAnswers) {
    if (busy) return;
    if (!answered(question, next)) return setError(STILL_NEEDED[question.kind]);
    setError(undefined);
    if (position + 1 < onboardingQuestions(next, measure).length) setPosition(position + 1);
    // Whether the stress check is offered is still being asked: never finish without asking it.
    else if (stressCheck !== 'loading') void finish(next);
  }

  if (stage === 'result' && saved && result) {
    return (
      <StressResult scale={result} bandsNote={measureNote(measure)} onSeePlan={() => setStage('plan')} />
    );
  }

  if (stage === 'plan' && saved) {
    return (
      <SuggestedPlan
        saved={saved}
        focusAreas={answers.focusAreas}
        onSaved={setSaved}
        onFinished={onFinished}
      />
    );
  }

  const course = questions.filter((q) => q.kind !== 'stress-item');
  const items = questions.filter((q) => q.kind === 'stress-item');
  const count =
    question.kind === 'stress-item'
      ? `Stress check · question ${items.indexOf(question) + 1} of ${items.length}`
      : `Question ${course.indexOf(question) + 1} of ${course.length + (stressCheck === 'loading' ? 1 : 0)}`;
  const item =
    question.kind === 'stress-item' ? measure?.items.find((i) => i.id === question.itemId) : undefined;

  return (
    <section className="onboarding" aria-labelledby="onboarding-title">
      <h2 id="onboarding-title">Make the course yours</h2>
      {position === 0 && (
        <p>
          A few quick questions, one at a time, so we can suggest where to start. Your answers stay on this
          device, and you can change them any time.
        </p>
      )}
      {draft.offer ? (
        <DraftOffer
          updatedAt={draft.offer.updatedAt}
          onCarryOn={draft.carryOn}
          onStartAfresh={draft.startAfresh}
        />
      ) : (
        <QuestionScreen
          key={position}
          headingRef={heading}
          count={count}
          {...questionText(question, item, measure)}
          error={error}
          busy={busy}
          nextLabel={
            !last
              ? 'Next'
              : answers.stressCheck === 'take' && measure
                ? 'See my result'
                : 'See my suggested order'
          }
          onNext={() => goOn(answers)}
          onBack={
            position > 0
              ? () => {
                  setError(undefined);
                  setPosition(position - 1);
                }
              : undefined
          }
          onCancel={onCancel}
          footnote={
            item &&
            measure?.licence.notice && (
              <p className="muted" data-testid="licence-notice">
                {measure.licence.notice}
              </p>
            )
          }
        >
          <QuestionCards
            question={question}
            measure={measure}
            answers={answers}
            onChange={setAnswers}
            onGoOn={goOn}
          />
        </QuestionScreen>
      )}
    </section>
  );
}

function measureNote(measure: Measure | undefined): string | undefined {
  return measure?.scales.find((scale) => measure.primaryScales.includes(scale.id))?.bandsNote;
}
