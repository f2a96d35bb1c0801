import type { QuizQuestion, StepAnswers } from '../../../../src-main/contract';

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
                {picked && (
                  <p className={picked.id === question.best ? 'feedback best' : 'feedback'}>
                    <strong>{picked.id === question.best ? 'Yes. ' : 'Worth another look. '}</strong>
                    {picked.feedback}
                  </p>
                )}
              </div>
            </fieldset>
          </li>
        );
      })}
    </ol>
  );
}
