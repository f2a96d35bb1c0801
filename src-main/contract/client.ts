import type { CallInput, CallOutput } from './api';
import type { CallName, EventName } from './plain';
import type { EventPayload } from './events';
import type { Result } from './result';

export type CallFunctions = {
  [C in CallName]: (input: CallInput<C>) => Promise<Result<CallOutput<C>>>;
};

/**
 * What the renderer sees, whichever transport carries it: Electron IPC through the preload, or
 * HTTP/WebSocket to the browser host. `window.stillroom` has exactly this shape: one function per
 * contract call under `calls`, and `on` for the contract's events. Nothing else.
 */
export interface StillroomBridge {
  calls: CallFunctions;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}
