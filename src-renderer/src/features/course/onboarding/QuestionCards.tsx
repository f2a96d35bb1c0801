import type { CourseSupport, FocusArea, Measure } from '../../../../../src-main/contract';
import {
  COURSE_SUPPORT_KINDS,
  COURSE_WEEKLY_MINUTES,
  FOCUS_AREAS,
} from '../../../../../src-main/contract/plain';
import { FOCUS_LABELS, SUPPORT_LABELS } from '../course-labels';
import { CheckboxCards, RadioCards, type Choice } from './ChoiceCards';
import type { OnboardingAnswers, OnboardingQuestion } from './onboarding-answers';

type MeasureItem = Measure['items'][number];

const FOCUS_CHOICES: Choice<FocusArea>[] = FOCUS_AREAS.map((area) => ({
  value: area,
  label: FOCUS_LABELS[area],
}));

const MINUTE_CHOICES: Choice<number>[] = COURSE_WEEKLY_MINUTES.map((m) => ({
  value: m,
  label: m === 60 ? 'About an hour' : `About ${m} minutes`,
}));

const SUPPORT_CHOICES: Choice<CourseSupport>[] = COURSE_SUPPORT_KINDS.map((kind) => ({
  value: kind,
  label: SUPPORT_LABELS[kind].label,
  hint: SUPPORT_LABELS[kind].hint,
}));

const CHECK_CHOICES: Choice<'take' | 'skip'>[] = [
  { value: 'take', label: 'Take it now' },
  { value: 'skip', label: 'Skip it for now' },
];

/** The words of a question: its heading and the hint under it. */
export function questionText(
  question: OnboardingQuestion,
  item: MeasureItem | undefined,
  measure: Measure | undefined,
): { question: string; hint?: string } {
  switch (question.kind) {
    case 'focus':
      return { question: 'What brings you here?', hint: 'Choose any that fit, or none.' };
    case 'minutes':
      return { question: 'How much time could you give the course in a typical week?' };
    case 'support':
      return { question: 'What kind of support would you like?' };
    case 'stress-check':
      return {
        question: 'Would you like to take a short stress check?',
        hint: `A short stress check (${measure?.items.length ?? 10} questions, about ${measure?.minutes ?? 3} minutes) helps us suggest an order. It is the standard Perceived Stress Scale, not a diagnosis. You can skip it.`,
      };
    case 'stress-item':
      return {
        question: item?.text ?? '',
        hint: measure?.items[0] === item ? measure?.instructions : undefined,
      };
  }
}

/** The choices of one question, written straight into the one answers object. */
export function QuestionCards({
  question,
  measure,
  answers,
  onChange,
  onGoOn,
}: {
  question: OnboardingQuestion;
  measure: Measure | undefined;
  answers: OnboardingAnswers;
  onChange: (next: OnboardingAnswers) => void;
  /** Moves on with these answers (a choice made with Enter, Space or a click). */
  onGoOn: (next: OnboardingAnswers) => void;
}) {
  switch (question.kind) {
    case 'focus':
      return (
        <CheckboxCards
          choices={FOCUS_CHOICES}
          chosen={answers.focusAreas}
          onChange={(focusAreas) => onChange({ ...answers, focusAreas })}
          onGoOn={() => onGoOn(answers)}
        />
      );
    case 'minutes':
      return (
        <RadioCards
          name="minutes"
          choices={MINUTE_CHOICES}
          chosen={answers.minutesPerWeek}
          onChoose={(minutesPerWeek) => onChange({ ...answers, minutesPerWeek })}
          onGoOn={(minutesPerWeek) => onGoOn({ ...answers, minutesPerWeek })}
        />
      );
    case 'support':
      return (
        <RadioCards
          name="support"
          choices={SUPPORT_CHOICES}
          chosen={answers.support}
          onChoose={(support) => onChange({ ...answers, support })}
          onGoOn={(support) => onGoOn({ ...answers, support })}
        />
      );
    case 'stress-check':
      return (
        <RadioCards
          name="stress-check"
          choices={CHECK_CHOICES}
          chosen={answers.stressCheck}
          onChoose={(stressCheck) => onChange({ ...answers, stressCheck })}
          onGoOn={(stressCheck) => onGoOn({ ...answers, stressCheck })}
        />
      );
    case 'stress-item': {
      const item = measure?.items.find((i) => i.id === question.itemId);
      const options = measure?.optionSets.find((set) => set.id === item?.options)?.options ?? [];
      const choose = (value: number) => ({
        ...answers,
        stressAnswers: { ...answers.stressAnswers, [question.itemId]: value },
      });
      return (
        <RadioCards
          name={question.itemId}
          choices={options.map((option) => ({ value: option.value, label: option.label }))}
          chosen={answers.stressAnswers[question.itemId]}
          onChoose={(value) => onChange(choose(value))}
          onGoOn={(value) => onGoOn(choose(value))}
        />
      );
    }
  }
}
