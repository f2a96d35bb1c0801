import type { FormEvent, ReactNode, Ref } from 'react';
import { ChevronLeft } from 'lucide-react';
import { FormMessage } from '../../../components/FormMessage';

/**
 * One onboarding question on a screen of its own: a quiet "Question 2 of 4", the question as
 * the group's legend (a heading, which takes the focus as each question opens), its choices,
 * and Back, Next and "Not now". Enter on a choice moves on without reaching for Next.
 */
export function QuestionScreen({
  headingRef,
  count,
  question,
  hint,
  children,
  error,
  busy,
  nextLabel,
  onNext,
  onBack,
  onCancel,
  footnote,
}: {
  headingRef: Ref<HTMLHeadingElement>;
  count: string;
  question: string;
  hint?: ReactNode;
  children: ReactNode;
  error?: string;
  busy: boolean;
  nextLabel: string;
  onNext: () => void;
  onBack?: () => void;
  onCancel: () => void;
  /** Shown with the instrument when its holder asks for it (a licence notice). */
  footnote?: ReactNode;
}) {
  function submit(event: FormEvent) {
    event.preventDefault();
    onNext();
  }
  return (
    <form className="onboarding-question" onSubmit={submit} aria-busy={busy}>
      <p className="onboarding-count">{count}</p>
      <fieldset>
        <legend>
          <h3 tabIndex={-1} ref={headingRef}>
            {question}
          </h3>
        </legend>
        {hint && <p className="hint">{hint}</p>}
        {children}
      </fieldset>
      <FormMessage error={error} />
      <div className="actions onboarding-actions">
        {onBack && (
          <button type="button" className="secondary" onClick={onBack}>
            <ChevronLeft aria-hidden="true" size={16} />
            Back<span className="visually-hidden"> to the previous question</span>
          </button>
        )}
        <button type="submit" aria-disabled={busy}>
          {busy ? 'Working it out…' : nextLabel}
        </button>
        <button type="button" className="secondary onboarding-not-now" onClick={onCancel}>
          Not now
        </button>
      </div>
      {footnote}
    </form>
  );
}
