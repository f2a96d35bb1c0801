import { useCallback, useEffect, useRef, useState } from 'react';
import type { Room } from '../../../../src-main/contract';
import { DEFAULT_PRIVACY_KEY } from '../../../../src-main/contract/plain';
import { useApi } from '../../api/api-context';
import { useCallResult } from '../../api/use-call-result';
import { FormMessage } from '../../components/FormMessage';
import { ArrivePhase } from './ArrivePhase';
import { BackToWork } from './BackToWork';
import { NeutralScreen } from '../../components/NeutralScreen';
import { RoomHelp } from './RoomHelp';
import { usePrivacyKey } from './privacy';
import { SessionPhase } from './SessionPhase';
import { useRoomState } from './use-room-state';
import { roomPlacement } from './room-placement';
import { WindDownPhase } from './WindDownPhase';

const PHASE_TITLES = {
  arrive: 'Arrive',
  session: 'Your session',
  'wind-down': 'Wind down',
  done: 'Back to work',
};

/**
 * The room itself: one phase at a time, full screen, with the privacy key ready. Hiding keeps
 * the room mounted (invisible), so whatever is half typed in an activity is still there on return.
 */
export function RoomScreen({
  initial,
  handBack: recoveredHandBack,
  onClose,
}: {
  initial: Room;
  /** Set when the room was closed while the person was away: go straight to handing back. */
  handBack?: string[];
  onClose: () => void;
}) {
  const api = useApi();
  const state = useRoomState(initial);
  const { room, advance } = state;
  const [handBack, setHandBack] = useState<string[] | undefined>(recoveredHandBack);
  const [hidden, setHidden] = useState(false);
  const privacyKey = useCallResult('rooms.getPrefs').value?.privacyKey ?? DEFAULT_PRIVACY_KEY;
  const heading = useRef<HTMLHeadingElement>(null);
  const firstPhase = useRef(true);
  const phase = handBack ? 'done' : room.phase;

  useEffect(() => {
    if (hidden) return;
    document.title = `${PHASE_TITLES[phase]} · Stillroom`;
    // Focus the phase's heading, so keyboard and screen-reader users start at the top of it.
    if (firstPhase.current) firstPhase.current = false;
    heading.current?.focus();
  }, [phase, hidden]);

  const { flush } = state;
  const hide = useCallback(() => {
    setHidden(true);
    document.title = 'Paused';
    void flush().then(() => (room.phase === 'done' ? undefined : advance('hide')));
  }, [advance, flush, room.phase]);

  const reopen = useCallback(() => {
    setHidden(false);
    if (room.phase !== 'done') void advance('resume');
  }, [advance, room.phase]);

  usePrivacyKey(privacyKey, () => (hidden ? reopen() : hide()));
  // The Electron shell's global privacy key hides the window itself, then tells the page.
  useEffect(() => api.on('room.hide', () => hide()), [api, hide]);
  // The room window is only ever shown again by the person (the key, or "Go back to it"), and
  // the global key never reaches the page: coming back into focus is the way back in.
  useEffect(() => {
    if (!hidden || roomPlacement(window) !== 'room-window') return undefined;
    window.addEventListener('focus', reopen);
    return () => window.removeEventListener('focus', reopen);
  }, [hidden, reopen]);

  const finish = async () => {
    const returned = await state.finish();
    if (returned) setHandBack(returned);
  };

  const paused = room.pausedAt !== null && room.pauseReason !== 'hidden' && phase !== 'done';

  return (
    <>
      {hidden && <NeutralScreen privacyKey={privacyKey} onReopen={reopen} />}
      <div className="room" hidden={hidden} data-phase={phase}>
        <div className="room-inner" role="main" aria-labelledby="room-title">
          <p className="room-where muted">
            Session room · {PHASE_TITLES[phase]}
            {phase !== 'done' && <> · Press {privacyKey} to hide it at once</>}
          </p>
          <h1 id="room-title" tabIndex={-1} ref={heading}>
            {PHASE_TITLES[phase]}
          </h1>
          {paused && (
            <div className="card room-paused" role="status">
              <p>
                {room.pauseReason === 'interrupted'
                  ? 'Welcome back. Your room is paused just where you left it.'
                  : 'Your room is paused. Take whatever time you need.'}
              </p>
              <button type="button" onClick={() => void advance('resume')}>
                Carry on
              </button>
            </div>
          )}
          {phase === 'arrive' && <ArrivePhase state={state} />}
          {phase === 'session' && <SessionPhase state={state} />}
          {phase === 'wind-down' && <WindDownPhase state={state} onFinish={() => void finish()} />}
          {phase === 'done' && (
            <BackToWork
              room={room}
              handBack={handBack ?? []}
              closedWhileAway={recoveredHandBack !== undefined}
              onClose={onClose}
            />
          )}
          <FormMessage {...(state.saveError ? { error: state.saveError } : {})} />
          {phase !== 'done' && (
            <div className="actions room-controls">
              {!paused && (
                <button type="button" className="secondary" onClick={() => void advance('pause')}>
                  Pause
                </button>
              )}
              <button type="button" className="secondary" onClick={hide}>
                Hide now
              </button>
              {phase !== 'wind-down' && (
                <button type="button" className="secondary" onClick={() => void advance('exit-early')}>
                  Leave early
                </button>
              )}
            </div>
          )}
          <RoomHelp />
        </div>
      </div>
    </>
  );
}

export type RoomState = ReturnType<typeof useRoomState>;
