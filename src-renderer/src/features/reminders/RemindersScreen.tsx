import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallOutput, ReminderRule } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { useNavigation } from '../../app/navigation';
import { FormMessage } from '../../components/FormMessage';
import { UndoStatus, type UndoOffer } from '../../components/UndoStatus';
import { ScreenHeader } from '../../components/ScreenHeader';
import { CalendarExport } from './CalendarExport';
import { LockedReminderQuestion } from './LockedReminderQuestion';
import { MondayMessageView } from './MondayMessageView';
import { PreferencesCards } from './PreferencesCards';
import { RuleForm } from './RuleForm';
import { describeFrequency, formatMoment, notificationLabel, TARGET_LABELS } from './reminder-text';

type Overview = CallOutput<'reminders.get'>;
type Monday = CallOutput<'monday.get'>;

/** Reminders: the user's own rules, quiet hours, a break, the Monday message, the calendar. */
export function RemindersScreen() {
  const api = useApi();
  const { item } = useNavigation();
  const [overview, setOverview] = useState<Overview>();
  const [monday, setMonday] = useState<Monday>();
  // Check-ins links here to start a check-in reminder straight away.
  const [editing, setEditing] = useState<ReminderRule | 'new' | undefined>(() =>
    item === 'new-checkin' ? 'new' : undefined,
  );
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [offer, setOffer] = useState<UndoOffer>();
  const expire = useCallback(() => setOffer(undefined), []);
  const offers = useRef(0);
  const mondayHeading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    const [current, weekly] = await Promise.all([
      call(api, 'reminders.get', {}),
      call(api, 'monday.get', {}),
    ]);
    if (current.ok) setOverview(current.value);
    else setMessage({ error: current.error.message });
    if (weekly.ok) setMonday(weekly.value);
  }, [api]);

  useEffect(() => {
    // Loading the reminders when the screen opens is what this effect is for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  useEffect(() => {
    if (item === 'monday' && monday) mondayHeading.current?.focus();
  }, [item, monday]);

  async function remove(rule: ReminderRule) {
    const result = await call(api, 'reminders.deleteRule', { id: rule.id });
    if (result.ok) {
      setOverview(result.value);
      setMessage({});
      setOffer({
        key: (offers.current += 1),
        message: 'That reminder is gone.',
        undo: () => void undoDelete(rule),
      });
    } else setMessage({ error: result.error.message });
  }

  async function undoDelete(rule: ReminderRule) {
    const { label, target, frequency, time, startDate, endDate, enabled } = rule;
    const result = await call(api, 'reminders.saveRule', {
      label,
      target,
      frequency,
      time,
      startDate,
      endDate,
      enabled,
    });
    setOffer(undefined);
    if (result.ok) {
      setOverview(result.value);
      setMessage({ success: 'Your reminder is back.' });
    } else setMessage({ error: result.error.message });
  }

  if (editing) {
    return (
      <>
        <ScreenHeader title="Reminders" />
        <RuleForm
          rule={editing === 'new' ? undefined : editing}
          initialTarget={item === 'new-checkin' ? 'checkin' : undefined}
          onCancel={() => setEditing(undefined)}
          onSaved={(next) => {
            setOverview(next);
            setEditing(undefined);
            setOffer(undefined);
            setMessage({ success: 'Your reminder is saved.' });
          }}
        />
      </>
    );
  }

  const zone = overview?.zone ?? 'UTC';
  return (
    <>
      <ScreenHeader title="Reminders">
        Gentle nudges, only when you ask for them. A notification only ever says your planned moment is ready,
        never what it is about.
      </ScreenHeader>
      {monday?.enabled && (
        <section className="card" aria-labelledby="monday-heading">
          <h2 id="monday-heading" tabIndex={-1} ref={mondayHeading}>
            This week’s Monday message
          </h2>
          <MondayMessageView monday={monday} />
        </section>
      )}
      <FormMessage {...message} />
      <UndoStatus offer={offer} onExpire={expire} />
      {overview && overview.rules.length > 0 && !overview.lockedQuestionAnswered && (
        <LockedReminderQuestion
          onOverview={(next) => {
            setOverview(next);
            setMessage({
              success: next.remindWhileLocked
                ? 'Your reminders will reach you while Stillroom is locked too.'
                : 'Your reminders will come only while Stillroom is unlocked.',
            });
          }}
        />
      )}
      <section className="card" aria-labelledby="reminders-coming">
        <h2 id="reminders-coming">Coming up</h2>
        {!overview ? (
          <p aria-live="polite">Loading…</p>
        ) : overview.upcoming.length === 0 ? (
          <p>Nothing planned. Add a reminder below if you would like one.</p>
        ) : (
          <ul className="upcoming-list" data-testid="upcoming">
            {overview.upcoming.map((next) => (
              <li key={`${next.at}-${next.target}`}>
                <strong>{formatMoment(next.at, zone)}</strong> — {notificationLabel(next.target)}
              </li>
            ))}
          </ul>
        )}
        {overview?.pausedUntil && (
          <p className="notice">Reminders are resting until {overview.pausedUntil}.</p>
        )}
        {overview?.snooze && (
          <p className="muted">Snoozed until {formatMoment(overview.snooze.until, zone)}.</p>
        )}
        {overview && (
          <p className="hint">Times are for {overview.zone}. If you travel, they follow your clock.</p>
        )}
      </section>
      <section className="card" aria-labelledby="reminders-rules">
        <h2 id="reminders-rules">Your reminders</h2>
        {overview && overview.rules.length === 0 && <p>You have no reminders. That is fine too.</p>}
        <ul className="rule-list">
          {overview?.rules.map((rule) => (
            <li key={rule.id} className="rule">
              <h3>
                {describeFrequency(rule.frequency)} at {rule.time}
              </h3>
              <p>
                {TARGET_LABELS[rule.target]}
                {rule.label && <span className="muted"> · {rule.label}</span>}
                {rule.endDate && <span className="muted"> · until {rule.endDate}</span>}
              </p>
              <p data-testid="rule-next">
                {rule.nextAt ? `Next: ${formatMoment(rule.nextAt, zone)}` : 'No more times planned.'}
              </p>
              {overview.lockedQuestionAnswered && (
                <p className="muted" data-testid="rule-locked">
                  {overview.remindWhileLocked
                    ? 'Reaches you while Stillroom is locked too.'
                    : 'Reaches you only while Stillroom is unlocked.'}
                </p>
              )}
              <div className="actions">
                <button type="button" className="secondary" onClick={() => setEditing(rule)}>
                  Change
                </button>
                <button type="button" className="secondary" onClick={() => void remove(rule)}>
                  Delete
                </button>
              </div>
              <CalendarExport rule={rule} />
            </li>
          ))}
        </ul>
        <div className="actions">
          <button type="button" onClick={() => setEditing('new')}>
            Add a reminder
          </button>
        </div>
      </section>
      {overview && monday && (
        <PreferencesCards
          overview={overview}
          monday={monday}
          onOverview={setOverview}
          onMonday={(next) => {
            setMonday(next);
            void load();
          }}
        />
      )}
      {overview && overview.history.length > 0 && (
        <section className="card" aria-labelledby="reminders-history">
          <h2 id="reminders-history">Recent reminders</h2>
          <ul className="upcoming-list" data-testid="history">
            {overview.history.map((entry) => (
              <li key={entry.id}>
                {formatMoment(entry.firedAt, zone)} — {notificationLabel(entry.target)}
                {!entry.delivered && (
                  <span className="muted"> (shown here; this computer had no notifications)</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
