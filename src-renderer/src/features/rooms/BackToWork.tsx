import type { Room } from '../../../../src-main/contract';

function minutesText(activeMs: number): string {
  const minutes = Math.max(1, Math.round(activeMs / 60_000));
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

/** The end of a room: the parked thoughts handed back, and the way out. */
export function BackToWork({
  room,
  handBack,
  closedWhileAway,
  onClose,
}: {
  room: Room;
  handBack: string[];
  closedWhileAway: boolean;
  onClose: () => void;
}) {
  return (
    <>
      {closedWhileAway ? (
        <p>Welcome back. Your last room closed while you were away. Everything you wrote in it is kept.</p>
      ) : (
        <p>You gave yourself {minutesText(room.activeMs)}. Well done for making the time.</p>
      )}
      {room.takeAway && <p className="room-intention">To keep: {room.takeAway}</p>}
      <section className="card" aria-labelledby="room-handback-title">
        <h2 id="room-handback-title">Your parked thoughts</h2>
        {handBack.length === 0 ? (
          <p>You did not park anything this time.</p>
        ) : (
          <>
            <p>Here they are, just as you left them. Pick them up when you are ready.</p>
            <ul className="room-parked" aria-label="Your parked thoughts, handed back">
              {handBack.map((text, index) => (
                <li key={`${index}-${text}`}>{text}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <div className="actions">
        <button type="button" onClick={onClose}>
          Close the room
        </button>
      </div>
    </>
  );
}
