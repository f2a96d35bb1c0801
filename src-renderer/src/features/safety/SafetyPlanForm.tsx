import { useEffect, useId, useState, type FormEvent } from 'react';
import type { SafetyPlan } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { FormMessage } from '../../components/FormMessage';
import { formatDayTime } from '../../components/format';
import { useFormAction } from '../../components/use-form-action';

const FIELDS: { key: keyof SafetyPlan; label: string; hint: string }[] = [
  {
    key: 'warningSigns',
    label: 'My warning signs',
    hint: 'Thoughts, feelings or situations that tell me things are getting hard.',
  },
  {
    key: 'copingSteps',
    label: 'Things I can do on my own',
    hint: 'What has helped before: a walk, music, a shower, breathing slowly.',
  },
  {
    key: 'distractions',
    label: 'People and places that take my mind off things',
    hint: 'A friend to text, a café, a park.',
  },
  { key: 'peopleToAsk', label: 'People I can ask for help', hint: 'Names and numbers of people I trust.' },
  { key: 'professionals', label: 'Professionals I can contact', hint: 'My GP, a helpline, a therapist.' },
  {
    key: 'saferSurroundings',
    label: 'Making where I am safer',
    hint: 'What I can put away or ask someone to keep for me.',
  },
  { key: 'reasonsToKeepGoing', label: 'What matters to me', hint: 'People, plans, things I care about.' },
];

const EMPTY: SafetyPlan = {
  warningSigns: '',
  copingSteps: '',
  distractions: '',
  peopleToAsk: '',
  professionals: '',
  saferSurroundings: '',
  reasonsToKeepGoing: '',
};

/** A personal safety plan in the user's own words. Kept encrypted in the vault; never sent anywhere. */
export function SafetyPlanForm({ printable = false }: { printable?: boolean }) {
  const api = useApi();
  const baseId = useId();
  const [plan, setPlan] = useState<SafetyPlan>(EMPTY);
  const [updatedAt, setUpdatedAt] = useState<string | null>(null);
  const { busy, message, run } = useFormAction();

  useEffect(() => {
    let live = true;
    void call(api, 'safety.getPlan', {}).then((result) => {
      if (!live || !result.ok || !result.value.plan) return;
      setPlan(result.value.plan);
      setUpdatedAt(result.value.updatedAt);
    });
    return () => {
      live = false;
    };
  }, [api]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    void run(
      () => call(api, 'safety.savePlan', plan),
      (saved) => {
        setUpdatedAt(saved.updatedAt);
        return 'Your safety plan is saved. You can come back to it from Need help now? at any time.';
      },
    );
  }

  return (
    <form className="card" onSubmit={submit} aria-busy={busy} aria-labelledby={`${baseId}-title`}>
      <h2 id={`${baseId}-title`}>My safety plan</h2>
      <p>Writing this down while you can think it through makes it easier to use when things are hard.</p>
      {updatedAt && <p className="muted">Last saved {formatDayTime(updatedAt)}.</p>}
      {FIELDS.map((field) => (
        <div className="field" key={field.key}>
          <label htmlFor={`${baseId}-${field.key}`}>{field.label}</label>
          <p className="hint" id={`${baseId}-${field.key}-hint`}>
            {field.hint}
          </p>
          <textarea
            id={`${baseId}-${field.key}`}
            aria-describedby={`${baseId}-${field.key}-hint`}
            value={plan[field.key]}
            maxLength={2000}
            onChange={(event) => setPlan((current) => ({ ...current, [field.key]: event.target.value }))}
          />
        </div>
      ))}
      <FormMessage {...message} />
      <div className="actions">
        <button type="submit" aria-disabled={busy}>
          {busy ? 'Saving…' : 'Save my safety plan'}
        </button>
        {printable && (
          // The print style shows only this plan; printing stays on this computer's printer dialog.
          <button type="button" className="secondary" onClick={() => window.print()}>
            Print my safety plan
          </button>
        )}
      </div>
    </form>
  );
}
