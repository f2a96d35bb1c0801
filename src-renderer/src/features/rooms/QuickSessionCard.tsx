import { useEffect, useState } from 'react';
import type { RoomActivity } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { FormMessage } from '../../components/FormMessage';
import { PICKABLE, ROOM_ACTIVITIES } from './activity-catalogue';
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

/** "2 h 10 min", "45 minutes". */
function durationText(minutes: number): string {
  if (minutes < 60) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  const rest = minutes % 60;
  return rest === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${rest} min`;
}

/** Time given to rooms this calendar month: for the person alone, never shown to anyone else. */
function useMonthMinutes(): number | undefined {
  const api = useApi();
  const [minutes, setMinutes] = useState<number>();
  useEffect(() => {
    const now = new Date();
    const since = new Date(now.getFullYear(), now.getMonth(), 1).toISOString();
    let live = true;
    void call(api, 'rooms.summary', { since, limit: 1 }).then((result) => {
      if (live && result.ok) setMinutes(result.value.totalMinutes);
    });
    return () => {
      live = false;
    };
  }, [api]);
  return minutes;
}

/** Today's way into a room: a quick five minutes first, or one activity straight away. */
export function QuickSessionCard() {
  const { openRoom, error } = useRooms();
  const monthMinutes = useMonthMinutes();
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
      {monthMinutes !== undefined && monthMinutes > 0 && (
        <p data-testid="room-month-time">
          This month you have given yourself {durationText(monthMinutes)} in session rooms.
        </p>
      )}
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
