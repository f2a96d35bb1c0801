import { useCallResult } from '../../api/use-call-result';
import { useNavigation } from '../../app/navigation';
import { useRooms } from '../rooms';
import type { SectionId } from '../../app/sections';

const MOMENT_CHOICES: { section: SectionId; label: string; detail: string }[] = [
  { section: 'diary', label: 'Note how things are', detail: 'a minute in your diary' },
  { section: 'course', label: 'A step of the course', detail: 'a few minutes' },
  { section: 'library', label: 'Read something short', detail: 'two to six minutes' },
  { section: 'checkins', label: 'A check-in', detail: 'if one is in your plan' },
];

/** On Today: the moment a reminder opened, and this week's Monday message when it is on. */
export function TodayReminderCards() {
  const { item, navigate } = useNavigation();
  const { value: monday } = useCallResult('monday.get');
  const { openRoom } = useRooms();
  return (
    <>
      {item === 'planned-moment' && (
        <section className="card" aria-labelledby="today-moment">
          <h2 id="today-moment">Your planned moment</h2>
          <p>A few minutes just for you. Pick whatever suits you now, or simply take a breath.</p>
          <p>
            <button type="button" onClick={() => openRoom()}>
              Begin a 5-minute session room
            </button>
          </p>
          <ul className="link-list">
            {MOMENT_CHOICES.map((choice) => (
              <li key={choice.section}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => navigate({ section: choice.section })}
                >
                  {choice.label}
                </button>{' '}
                — {choice.detail}.
              </li>
            ))}
          </ul>
        </section>
      )}
      {monday?.enabled && monday.message && (
        <section className="card" aria-labelledby="today-monday">
          <h2 id="today-monday">This week’s Monday message</h2>
          <p>{monday.message.line}</p>
          <button
            type="button"
            className="link-button"
            onClick={() => navigate({ section: 'reminders', item: 'monday' })}
          >
            Read this week’s message
          </button>
        </section>
      )}
    </>
  );
}
