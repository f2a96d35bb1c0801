import { CircleCheck, Lightbulb } from 'lucide-react';
import type { QuizQuestion, StepAnswers } from '../../../../src-main/contract';
import { feedbackWithoutVerdict } from './quiz-feedback';

/**
 * A self-check: pick an answer and see feedback on that choice at once. Nothing is scored or
 * shown as a mark; the answers are kept only so the user sees their choices again.
 */
export function QuizStep({
  idPrefix,
  questions,
  answers,
  onAnswer,
}: {
  idPrefix: string;
  questions: readonly QuizQuestion[];
  answers: StepAnswers;
  onAnswer: (questionId: string, optionId: string) => void;
}) {
  return (
    <ol className="questions quiz">
      {questions.map((question) => {
        const picked = question.options.find((option) => option.id === answers[question.id]);
        return (
          <li key={question.id}>
            <fieldset className="question">
              <legend>{question.prompt}</legend>
              <div className="options">
                {question.options.map((option) => (
                  <label key={option.id} className="choice">
                    <input
                      type="radio"
                      name={`${idPrefix}-${question.id}`}
                      value={option.id}
                      checked={picked?.id === option.id}
                      onChange={() => onAnswer(question.id, option.id)}
                    />
                    {option.label}
                  </label>
                ))}
              </div>
              <div className="quiz-feedback" aria-live="polite">
                {picked && <Feedback best={picked.id === question.best} text={picked.feedback} />}
              </div>
            </fieldset>
          </li>
        );
      })}
    </ol>
  );
}

/** The verdict as a quiet badge with an icon, then the option's own words. */
function Feedback({ best, text }: { best: boolean; text: string }) {
  const Icon = best ? CircleCheck : Lightbulb;
  return (
    <p className={best ? 'feedback best' : 'feedback'}>
      <span className="quiz-verdict">
        <Icon aria-hidden="true" size={16} strokeWidth={2} />
        {best ? 'Right' : 'Worth another look'}
      </span>{' '}
      {feedbackWithoutVerdict(text)}
    </p>
  );
}
