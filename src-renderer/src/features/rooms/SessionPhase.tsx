import { useCallback, useMemo, useState } from 'react';
import type { CallInput } from '../../../../src-main/contract';
import { NavigationContext, useNavigation, type NavTarget } from '../../app/navigation';
import { orderForTime, PICKABLE, ROOM_ACTIVITIES, RoomActivityView, type RoomActivity } from './activities';
import type { RoomState } from './RoomScreen';
import { SessionCountdown } from './SessionCountdown';
import { windDownOnMove, windDownShare } from './session-time';

function ActivityChoice({ activity, onPick }: { activity: RoomActivity; onPick: () => void }) {
  const entry = ROOM_ACTIVITIES[activity.kind];
  return (
    <li>
      <button type="button" className="room-choice" onClick={onPick}>
        <span className="room-choice-label">{entry.label}</span>
        <span className="room-choice-detail">
          {entry.description} About {entry.minutes} {entry.minutes === 1 ? 'minute' : 'minutes'}.
        </span>
      </button>
    </li>
  );
}

/** What a link inside the room opens in the room itself: an article, or one course step. */
export function roomActivityFor(target: NavTarget): RoomActivity | undefined {
  if (!target.item) return undefined;
  if (target.section === 'library') return { kind: 'article', articleId: target.item };
  const [moduleId, stepId] = target.item.split('/');
  if (target.section === 'course' && moduleId && stepId) return { kind: 'course-step', moduleId, stepId };
  return undefined;
}

/** One activity, opened inside the room. Short ones come first when time is short. */
export function SessionPhase({ state }: { state: RoomState }) {
  const { room, change, advance, busy } = state;
  const [message, setMessage] = useState<string>();
  // What fits is what fits before the wind-down, which is part of the room's length.
  const sessionMinutes = room.plannedMinutes - windDownShare(room.plannedMinutes, room.windDownMinutes);
  const { fits, longer } = orderForTime(PICKABLE, sessionMinutes);
  const afterRoom = useNavigation();
  const inRoom = useMemo(
    () => ({
      item: undefined,
      navigate: (target: NavTarget) => {
        const activity = roomActivityFor(target);
        if (activity) {
          setMessage(undefined);
          change({ activity, draft: {} });
          return;
        }
        afterRoom.navigate(target);
        setMessage('That opens when you are back from your session.');
      },
    }),
    [afterRoom, change],
  );
  // On to the wind-down, by hand or when the time is up: it takes what is left of the length.
  const { phaseStartedAt, plannedMinutes, windDownMinutes } = room;
  const windDown = useCallback(() => {
    const minutes = windDownOnMove(phaseStartedAt, plannedMinutes, windDownMinutes, Date.now());
    if (minutes !== windDownMinutes)
      change({ windDownMinutes: minutes as CallInput<'rooms.update'>['windDownMinutes'] });
    return advance('wind-down');
  }, [advance, change, phaseStartedAt, plannedMinutes, windDownMinutes]);
  const countdown = (
    <SessionCountdown
      startedAt={phaseStartedAt}
      plannedMinutes={plannedMinutes}
      windDownMinutes={windDownMinutes}
      paused={room.pausedAt !== null}
      onOver={() => void windDown()}
    />
  );

  if (!room.activity) {
    return (
      <>
        {countdown}
        {room.intention && <p className="room-intention">Your intention: {room.intention}</p>}
        <section className="card" aria-labelledby="room-pick-title">
          <h2 id="room-pick-title">What would you like to do?</h2>
          <p className="hint">These fit in the {sessionMinutes} minutes before your wind-down.</p>
          <ul className="room-choices">
            {fits.map((activity) => (
              <ActivityChoice
                key={activity.kind}
                activity={activity}
                onPick={() => change({ activity, draft: {} })}
              />
            ))}
          </ul>
          {longer.length > 0 && (
            <>
              <h3>If you have a little longer</h3>
              <ul className="room-choices">
                {longer.map((activity) => (
                  <ActivityChoice
                    key={activity.kind}
                    activity={activity}
                    onPick={() => change({ activity, draft: {} })}
                  />
                ))}
              </ul>
            </>
          )}
        </section>
        <div className="actions">
          <button type="button" aria-disabled={busy} onClick={() => void (busy || windDown())}>
            Wind down
          </button>
        </div>
      </>
    );
  }

  return (
    <>
      {countdown}
      {room.intention && <p className="room-intention">Your intention: {room.intention}</p>}
      <NavigationContext.Provider value={inRoom}>
        <RoomActivityView
          activity={room.activity}
          draft={room.draft}
          onDraftChange={(draft) => change({ draft })}
          onDone={(done) => setMessage(done ?? 'Well done. Wind down whenever you are ready.')}
        />
      </NavigationContext.Provider>
      {message && (
        <p className="room-done" role="status">
          {message}
        </p>
      )}
      <div className="actions">
        <button type="button" aria-disabled={busy} onClick={() => void (busy || windDown())}>
          Wind down
        </button>
        <button type="button" className="secondary" onClick={() => change({ activity: null })}>
          Choose something else
        </button>
      </div>
    </>
  );
}
