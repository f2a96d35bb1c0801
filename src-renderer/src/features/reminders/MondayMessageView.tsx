import type { CallOutput } from '../../../../src-main/contract';
import { useNavigation } from '../../app/navigation';
import { formatDay } from './reminder-text';

/** This week's Monday message in full, with its link to read more. */
export function MondayMessageView({ monday }: { monday: CallOutput<'monday.get'> }) {
  const { navigate } = useNavigation();
  if (!monday.enabled) {
    return <p>The Monday message is off. You can turn it on below whenever you like.</p>;
  }
  if (monday.week === null) {
    return (
      <p>
        Your first message arrives on {monday.startsOn ? formatDay(monday.startsOn) : 'Monday'}. There is
        nothing to do until then.
      </p>
    );
  }
  if (!monday.message) {
    return <p>This week’s message is on its way in an update to Stillroom. Have a gentle week.</p>;
  }
  const { message } = monday;
  return (
    <article className="monday-message" aria-labelledby="monday-line">
      <p className="muted">Week {monday.week}</p>
      <h3 id="monday-line">{message.line}</h3>
      <p>{message.tip}</p>
      <p>
        <button
          type="button"
          className="link-button"
          onClick={() =>
            navigate(
              message.link.kind === 'module'
                ? { section: 'course', item: message.link.id }
                : { section: 'library', item: message.link.id },
            )
          }
        >
          {message.link.kind === 'module' ? 'Read more in the course' : 'Read more in the library'}
        </button>
      </p>
    </article>
  );
}
