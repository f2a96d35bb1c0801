import type { SectionId } from '../../app/sections';
import { useCallResult } from '../../api/use-call-result';
import { ScreenHeader } from '../../components/ScreenHeader';
import { TodayReminderCards } from '../reminders';
import { ContinueCard } from '../course';
import { QuickSessionCard } from '../rooms';

export function TodayScreen({ onNavigate }: { onNavigate: (section: SectionId) => void }) {
  const { value: policy } = useCallResult('policy.get');
  const { value: plan } = useCallResult('checkins.getPlan');
  const due = (plan?.due ?? []).filter((entry) => entry.dueSince !== null);
  const organisation = policy?.state === 'ok' ? policy.policy.organisation : undefined;
  return (
    <>
      <ScreenHeader title="Today">
        A quiet place for a few minutes of looking after yourself, at your own pace.
      </ScreenHeader>
      <QuickSessionCard />
      {organisation?.endorsement && (
        <section className="card endorsement" aria-labelledby="today-endorsement">
          <h2 id="today-endorsement">From {organisation.name}</h2>
          <p>{organisation.endorsement}</p>
          {organisation.timeAllowanceMinutesPerWeek && (
            <p className="muted">
              Suggested time during work hours: {organisation.timeAllowanceMinutesPerWeek} minutes a week.
            </p>
          )}
          <p className="muted">{organisation.name} cannot see whether or how you use Stillroom.</p>
        </section>
      )}
      <TodayReminderCards />
      <ContinueCard />
      {due.length > 0 && (
        <section className="card" aria-labelledby="today-checkins">
          <h2 id="today-checkins">Check-ins you planned</h2>
          <p>
            {due.map((entry) => entry.name).join(', ')} {due.length === 1 ? 'is' : 'are'} ready whenever you
            have a few minutes.{' '}
            <button type="button" className="link-button" onClick={() => onNavigate('checkins')}>
              Go to check-ins
            </button>
          </p>
        </section>
      )}
      <section className="card" aria-labelledby="today-private">
        <h2 id="today-private">Yours alone</h2>
        <p>
          What you write in Stillroom stays on this device. Nothing is sent anywhere, and your organisation
          cannot see whether or how you use it.
        </p>
      </section>
      <section className="card" aria-labelledby="today-find">
        <h2 id="today-find">Finding your way</h2>
        <ul className="link-list">
          <li>
            <button type="button" className="link-button" onClick={() => onNavigate('course')}>
              The course
            </button>{' '}
            — ten short modules on stress, thoughts, problem solving and rest.
          </li>
          <li>
            <button type="button" className="link-button" onClick={() => onNavigate('diary')}>
              Your diary
            </button>{' '}
            — note a stressful moment in under a minute.
          </li>
          <li>
            <button type="button" className="link-button" onClick={() => onNavigate('library')}>
              The library
            </button>{' '}
            — short articles to dip into whenever you like.
          </li>
        </ul>
        <p className="muted">
          Check-ins you plan, reminders you set and the Monday message, if you turn it on, show here too. You
          choose them in Check-ins and Reminders.
        </p>
      </section>
      <p className="disclaimer">
        Stillroom is self-help. It is not an emergency service and not a substitute for professional care.
      </p>
    </>
  );
}
