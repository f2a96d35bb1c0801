import { useId, useState, type FormEvent } from 'react';
import type { ReminderRule, SavedFile } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { FormMessage } from '../../components/FormMessage';
import { useFormAction } from '../../components/use-form-action';
import { saveFile } from '../../components/save-file';
import { SavedFileNotice } from '../../components/SavedFileNotice';

/** Export one rule as a recurring calendar event, with a neutral title the user may change. */
export function CalendarExport({ rule }: { rule: ReminderRule }) {
  const api = useApi();
  const id = useId();
  const { busy, message, run } = useFormAction();
  const [title, setTitle] = useState('Focus time');
  const [minutes, setMinutes] = useState(20);
  const [saved, setSaved] = useState<SavedFile>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(undefined);
    await run(
      () =>
        saveFile(
          api.files,
          'calendar',
          (target) =>
            call(api, 'reminders.exportIcs', {
              ruleId: rule.id,
              title: title.trim() || 'Focus time',
              minutes,
              target,
            }),
          (value) => value.file,
        ),
      (value) => {
        setSaved(value?.file);
        return undefined;
      },
    );
  }

  return (
    <details className="calendar-export">
      <summary>Add to my work calendar</summary>
      <form onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <p className="hint">
          The calendar file holds only a title and the times. Colleagues who can see your calendar see the
          title, so keep it neutral.
        </p>
        <div className="field">
          <label htmlFor={`${id}-title`}>Title in your calendar</label>
          <input
            id={`${id}-title`}
            type="text"
            maxLength={60}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-minutes`}>How long (minutes)</label>
          <input
            id={`${id}-minutes`}
            type="number"
            min={5}
            max={240}
            value={minutes}
            onChange={(event) => setMinutes(Math.max(5, Math.min(240, Number(event.target.value) || 20)))}
          />
        </div>
        <FormMessage {...message} />
        {saved && (
          <SavedFileNotice file={saved}>
            <p>Open it with your work calendar to add the series.</p>
          </SavedFileNotice>
        )}
        <div className="actions">
          <button type="submit" aria-disabled={busy}>
            Save calendar file (.ics)
          </button>
        </div>
      </form>
    </details>
  );
}
