import { useId, useState, type FormEvent } from 'react';
import type {
  CallOutput,
  ReminderFrequency,
  ReminderRule,
  ReminderTarget,
  Weekday,
} from '../../../../src-main/contract';
import { REMINDER_TARGETS, WEEKDAYS } from '../../../../src-main/contract/plain';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { FormMessage } from '../../components/FormMessage';
import { useFormAction } from '../../components/use-form-action';
import { DAY_NAMES, TARGET_LABELS } from './reminder-text';

type Kind = ReminderFrequency['kind'];

/** Create or edit one reminder rule. Everything here is the user's choice; nothing is required but a time. */
export function RuleForm({
  rule,
  initialTarget,
  onSaved,
  onCancel,
}: {
  rule?: ReminderRule;
  /** What a new rule reminds of, when the user came from a screen that says (e.g. Check-ins). */
  initialTarget?: ReminderTarget;
  onSaved: (overview: CallOutput<'reminders.saveRule'>) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const id = useId();
  const { busy, message, run, fail } = useFormAction();
  const [label, setLabel] = useState(rule?.label ?? '');
  const [target, setTarget] = useState<ReminderTarget>(rule?.target ?? initialTarget ?? 'room');
  const [kind, setKind] = useState<Kind>(rule?.frequency.kind ?? 'weekly');
  const [days, setDays] = useState<Weekday[]>(
    rule?.frequency.kind === 'weekly' ? rule.frequency.days : ['mon', 'wed', 'fri'],
  );
  const [everyDays, setEveryDays] = useState(
    rule?.frequency.kind === 'interval' ? rule.frequency.everyDays : 2,
  );
  const [time, setTime] = useState(rule?.time ?? '09:30');
  const [endDate, setEndDate] = useState(rule?.endDate ?? '');

  function frequency(): ReminderFrequency | undefined {
    if (kind === 'weekdays') return { kind };
    if (kind === 'interval') return { kind, everyDays };
    return days.length > 0 ? { kind, days: WEEKDAYS.filter((day) => days.includes(day)) } : undefined;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = frequency();
    if (!chosen) return fail('Choose at least one day.');
    if (!time) return fail('Choose a time.');
    await run(
      () =>
        call(api, 'reminders.saveRule', {
          ...(rule ? { id: rule.id, startDate: rule.startDate } : {}),
          label,
          target,
          frequency: chosen,
          time,
          endDate: endDate || null,
          enabled: rule?.enabled ?? true,
        }),
      (overview) => {
        onSaved(overview);
        return undefined;
      },
    );
  }

  return (
    <form
      className="card reminder-form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby={`${id}-title`}
      aria-busy={busy}
    >
      <h2 id={`${id}-title`}>{rule ? 'Change this reminder' : 'A new reminder'}</h2>
      <fieldset className="choice-group">
        <legend>What should it lead to?</legend>
        {REMINDER_TARGETS.map((choice) => (
          <label key={choice} className="choice">
            <input
              type="radio"
              name={`${id}-target`}
              checked={target === choice}
              onChange={() => setTarget(choice)}
            />
            {TARGET_LABELS[choice]}
          </label>
        ))}
      </fieldset>
      <fieldset className="choice-group">
        <legend>How often?</legend>
        <label className="choice">
          <input
            type="radio"
            name={`${id}-kind`}
            checked={kind === 'weekly'}
            onChange={() => setKind('weekly')}
          />
          On the days I choose
        </label>
        <label className="choice">
          <input
            type="radio"
            name={`${id}-kind`}
            checked={kind === 'weekdays'}
            onChange={() => setKind('weekdays')}
          />
          Every weekday
        </label>
        <label className="choice">
          <input
            type="radio"
            name={`${id}-kind`}
            checked={kind === 'interval'}
            onChange={() => setKind('interval')}
          />
          Every few days
        </label>
      </fieldset>
      {kind === 'weekly' && (
        <fieldset className="choice-group day-choices">
          <legend>Which days?</legend>
          {WEEKDAYS.map((day) => (
            <label key={day} className="choice">
              <input
                type="checkbox"
                checked={days.includes(day)}
                onChange={(event) =>
                  setDays((current) =>
                    event.target.checked ? [...current, day] : current.filter((d) => d !== day),
                  )
                }
              />
              {DAY_NAMES[day]}
            </label>
          ))}
        </fieldset>
      )}
      {kind === 'interval' && (
        <div className="field">
          <label htmlFor={`${id}-every`}>Every how many days?</label>
          <input
            id={`${id}-every`}
            type="number"
            min={1}
            max={365}
            value={everyDays}
            onChange={(event) => setEveryDays(Math.max(1, Math.min(365, Number(event.target.value) || 1)))}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-time`}>At what time?</label>
        <input
          id={`${id}-time`}
          type="time"
          value={time}
          onChange={(event) => setTime(event.target.value)}
          required
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-end`}>Last day (optional)</label>
        <input
          id={`${id}-end`}
          type="date"
          value={endDate}
          onChange={(event) => setEndDate(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-label`}>A note for yourself (optional)</label>
        <input
          id={`${id}-label`}
          type="text"
          maxLength={80}
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          aria-describedby={`${id}-label-hint`}
        />
        <p className="hint" id={`${id}-label-hint`}>
          Only you see this, here. Notifications never show it: they only say your planned moment is ready.
        </p>
      </div>
      <FormMessage {...message} />
      <div className="actions">
        <button type="submit" aria-disabled={busy}>
          {busy ? 'Saving…' : 'Save reminder'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
