import type { RoomActivity } from '../../../../src-main/contract';
import { FormMessage } from '../../components/FormMessage';
import { PICKABLE, ROOM_ACTIVITIES } from './activities';
import { useRooms } from './RoomProvider';

/** A button that opens one activity in a session room (for any screen that offers one). */
export function OpenInRoomButton({ activity, label }: { activity: RoomActivity; label?: string }) {
  const { openRoom } = useRooms();
  const minutes = ROOM_ACTIVITIES[activity.kind].minutes <= 5 ? 5 : 15;
  return (
    <button type="button" className="link-button" onClick={() => openRoom({ activity, minutes })}>
      {label ?? `${ROOM_ACTIVITIES[activity.kind].label} in a room`}
    </button>
  );
}

/** Today's way into a room: a quick five minutes first, or one activity straight away. */
export function QuickSessionCard() {
  const { openRoom, error } = useRooms();
  return (
    <section className="card" aria-labelledby="today-room">
      <h2 id="today-room">A few minutes away from work</h2>
      <p>
        A session room fills the screen, so work is out of sight. Settle in, do one small thing, then wind
        down before you go back.
      </p>
      <div className="actions">
        <button type="button" onClick={() => openRoom()}>
          Start a quick session
        </button>
      </div>
      <p className="hint">Five minutes. You can choose longer once you are in.</p>
      <details>
        <summary>Open something in a room</summary>
        <ul className="link-list">
          {PICKABLE.map((activity) => (
            <li key={activity.kind}>
              <OpenInRoomButton activity={activity} />
            </li>
          ))}
        </ul>
      </details>
      <FormMessage {...(error ? { error } : {})} />
    </section>
  );
}
