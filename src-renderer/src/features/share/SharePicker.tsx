import type { ReactNode } from 'react';
import type { CallOutput, ShareSelection, SupportPreference } from '../../../../src-main/contract';
import { SUPPORT_PREFERENCE_LABELS, SUPPORT_PREFERENCES } from '../../../../src-main/contract/plain';
import { formatDay } from '../../components/format';

type Sources = CallOutput<'share.sources'>;
type ListKey =
  | 'diaryEntryIds'
  | 'thoughtRecordIds'
  | 'checkinResultIds'
  | 'trendMeasureIds'
  | 'courseModuleIds'
  | 'courseAnswerIds';

export const EMPTY_SELECTION: ShareSelection = {
  diaryEntryIds: [],
  thoughtRecordIds: [],
  checkinResultIds: [],
  trendMeasureIds: [],
  courseModuleIds: [],
  courseAnswerIds: [],
  note: '',
  supportPreference: null,
};

function Checklist({
  legend,
  items,
  chosen,
  onToggle,
  emptyText,
}: {
  legend: string;
  items: { id: string; label: string }[];
  chosen: readonly string[];
  onToggle: (id: string, on: boolean) => void;
  emptyText: string;
}) {
  return (
    <fieldset className="choice-group share-list">
      <legend>
        {legend} <span className="muted">({chosen.length} chosen)</span>
      </legend>
      {items.length === 0 && <p className="muted">{emptyText}</p>}
      {items.map((item) => (
        <label key={item.id} className="choice">
          <input
            type="checkbox"
            checked={chosen.includes(item.id)}
            onChange={(event) => onToggle(item.id, event.target.checked)}
          />
          <span>{item.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** Every item the user could share, each unticked until they tick it. */
export function SharePicker({
  sources,
  selection,
  onChange,
  noteOffer,
}: {
  sources: Sources;
  selection: ShareSelection;
  onChange: (next: ShareSelection) => void;
  /** Shown in place of the note while a note kept from last time waits to be carried on. */
  noteOffer?: ReactNode;
}) {
  const toggle = (key: ListKey) => (id: string, on: boolean) =>
    onChange({
      ...selection,
      [key]: on ? [...selection[key], id] : selection[key].filter((chosen) => chosen !== id),
    });
  const date = (iso: string) => formatDay(iso);

  return (
    <div className="share-picker">
      <fieldset className="choice-group">
        <legend>What kind of support would you like?</legend>
        <label className="choice">
          <input
            type="radio"
            name="support-preference"
            checked={selection.supportPreference === null}
            onChange={() => onChange({ ...selection, supportPreference: null })}
          />
          <span>Do not include this</span>
        </label>
        {SUPPORT_PREFERENCES.map((preference: SupportPreference) => (
          <label key={preference} className="choice">
            <input
              type="radio"
              name="support-preference"
              checked={selection.supportPreference === preference}
              onChange={() => onChange({ ...selection, supportPreference: preference })}
            />
            <span>{SUPPORT_PREFERENCE_LABELS[preference]}</span>
          </label>
        ))}
      </fieldset>

      {noteOffer ?? (
        <div className="field">
          <label htmlFor="share-note">A note for your coach (optional)</label>
          <textarea
            id="share-note"
            rows={4}
            maxLength={4000}
            value={selection.note}
            onChange={(event) => onChange({ ...selection, note: event.target.value })}
          />
        </div>
      )}

      <Checklist
        legend="Stress diary entries"
        items={sources.diary.map((entry) => ({
          id: entry.id,
          label: `${date(entry.occurredAt)} · stress ${entry.stress} · ${entry.title}`,
        }))}
        chosen={selection.diaryEntryIds}
        onToggle={toggle('diaryEntryIds')}
        emptyText="You have no stress diary entries yet."
      />
      <Checklist
        legend="Thought records"
        items={sources.thoughts.map((record) => ({
          id: record.id,
          label: `${date(record.occurredAt)} · ${record.title}${record.status === 'draft' ? ' (not finished)' : ''}`,
        }))}
        chosen={selection.thoughtRecordIds}
        onToggle={toggle('thoughtRecordIds')}
        emptyText="You have no thought records yet."
      />
      <Checklist
        legend="Check-in results"
        items={sources.checkins.map((result) => ({
          id: result.id,
          label: `${date(result.occurredAt)} · ${result.title} · ${result.score}`,
        }))}
        chosen={selection.checkinResultIds}
        onToggle={toggle('checkinResultIds')}
        emptyText="You have no check-in results yet."
      />
      <Checklist
        legend="Trends over time (a chart of every result)"
        items={sources.trends.map((trend) => ({
          id: trend.measureId,
          label: `${trend.name} (${trend.results} ${trend.results === 1 ? 'result' : 'results'})`,
        }))}
        chosen={selection.trendMeasureIds}
        onToggle={toggle('trendMeasureIds')}
        emptyText="Trends appear once you have taken a check-in."
      />
      <Checklist
        legend="Course progress"
        items={sources.course.modules.map((module) => ({
          id: module.moduleId,
          label: `${module.title} · ${module.summary}`,
        }))}
        chosen={selection.courseModuleIds}
        onToggle={toggle('courseModuleIds')}
        emptyText="Your course progress will appear here once you have started the course."
      />
      <Checklist
        legend="Your answers to course exercises"
        items={sources.course.answers.map((answer) => ({
          id: answer.id,
          label: `${answer.moduleTitle} · ${answer.title}`,
        }))}
        chosen={selection.courseAnswerIds}
        onToggle={toggle('courseAnswerIds')}
        emptyText="Your exercise answers will appear here once you have written some."
      />
    </div>
  );
}

export function countChosen(selection: ShareSelection): number {
  return (
    selection.diaryEntryIds.length +
    selection.thoughtRecordIds.length +
    selection.checkinResultIds.length +
    selection.trendMeasureIds.length +
    selection.courseModuleIds.length +
    selection.courseAnswerIds.length +
    (selection.note.trim() ? 1 : 0) +
    (selection.supportPreference ? 1 : 0)
  );
}
