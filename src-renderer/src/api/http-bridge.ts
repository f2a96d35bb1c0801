import { CALL_NAMES, fail, isEventName } from '../../../src-main/contract/plain';
import type { CallFunctions, EventName, Result, StillroomBridge } from '../../../src-main/contract';

/** Calls made on pagehide, to keep what was typed: sent so that they finish after the page is gone. */
const SAVED_AS_THE_PAGE_GOES = new Set<string>(['drafts.save', 'course.saveAnswers']);

const NOT_ANSWERING = 'Stillroom’s background service is not answering. Is it still running?';

/**
 * The browser host's transport: each call is `POST /api/<call>` with the per-run token, events
 * arrive over one WebSocket. Same shape as the Electron preload's `window.stillroom`.
 */
export function createHttpBridge(token: string, base: URL): StillroomBridge {
  const calls = Object.fromEntries(
    CALL_NAMES.map((name) => [
      name,
      async (input: unknown): Promise<Result<unknown>> => {
        try {
          const body = JSON.stringify(input ?? {});
          const response = await fetch(new URL(`api/${encodeURIComponent(name)}`, base), {
            method: 'POST',
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
            body,
            // What is saved as the page goes (pagehide) must outlive it; keepalive allows 64 kB.
            keepalive: SAVED_AS_THE_PAGE_GOES.has(name) && body.length < 60_000,
          });
          return (await response.json()) as Result<unknown>;
        } catch {
          return fail('unavailable', NOT_ANSWERING);
        }
      },
    ]),
  ) as unknown as CallFunctions;

  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let socket: WebSocket | undefined;
  let retryDelay = 500;

  function connect(): void {
    const url = new URL('events', base);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('token', token);
    socket = new WebSocket(url);
    socket.addEventListener('open', () => {
      retryDelay = 500;
    });
    socket.addEventListener('message', (message) => {
      const data = parseEvent(message.data);
      if (data) listeners.get(data.name)?.forEach((listener) => listener(data.payload));
    });
    socket.addEventListener('close', () => {
      socket = undefined;
      if (listeners.size === 0) return;
      // The host may be restarting; try again gently rather than hammering it.
      setTimeout(connect, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 10_000);
    });
  }

  return {
    calls,
    on(name, listener) {
      if (!listeners.has(name)) listeners.set(name, new Set());
      const set = listeners.get(name) as Set<(payload: unknown) => void>;
      set.add(listener as (payload: unknown) => void);
      if (!socket) connect();
      return () => {
        set.delete(listener as (payload: unknown) => void);
        if (set.size === 0) listeners.delete(name);
      };
    },
  };
}

function parseEvent(raw: unknown): { name: EventName; payload: unknown } | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    const value = JSON.parse(raw) as { name?: unknown; payload?: unknown };
    return isEventName(value.name) ? { name: value.name, payload: value.payload } : undefined;
  } catch {
    return undefined;
  }
}
