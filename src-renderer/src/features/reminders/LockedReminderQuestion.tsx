import { useEffect, useRef } from 'react';
import type { CallOutput } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { FormMessage } from '../../components/FormMessage';
import { useFormAction } from '../../components/use-form-action';

type Overview = CallOutput<'reminders.get'>;

/**
 * Asked once, when the first reminder exists: Stillroom locks itself when you are away, and a
 * locked Stillroom cannot read its own reminders, so without this answer most reminders would
 * never arrive, and the setting that changes that sat on the last card of the page.
 */
export function LockedReminderQuestion({ onOverview }: { onOverview: (next: Overview) => void }) {
  const api = useApi();
  const heading = useRef<HTMLHeadingElement>(null);
  const answer = useFormAction();
  useEffect(() => heading.current?.focus(), []);

  const choose = (remindWhileLocked: boolean) =>
    void answer.run(
      () => call(api, 'reminders.setPreferences', { remindWhileLocked }),
      (next) => {
        onOverview(next);
        return undefined;
      },
    );

  return (
    <section className="card" aria-labelledby="locked-question">
      <h2 id="locked-question" tabIndex={-1} ref={heading}>
        Should reminders reach you while Stillroom is locked?
      </h2>
      <p>
        Stillroom locks itself when you are away, and while it is locked it cannot read your reminders, so
        they wait until you unlock it.
      </p>
      <p>
        If you say yes, only the times of your next reminders are kept outside your encrypted data, never what
        they are for, and a locked reminder only says your planned moment is ready.
      </p>
      <div className="actions">
        <button type="button" aria-disabled={answer.busy || undefined} onClick={() => choose(true)}>
          Yes, remind me while locked
        </button>
        <button
          type="button"
          className="secondary"
          aria-disabled={answer.busy || undefined}
          onClick={() => choose(false)}
        >
          Only when it is unlocked
        </button>
      </div>
      <p className="hint">You can change this later under “When Stillroom is locked”.</p>
      <FormMessage {...answer.message} />
    </section>
  );
}
