import type { CallName, EventName } from './plain';

/** One IPC channel per call and per event, so the shell can register exactly the contract. */
export function callChannel(name: CallName): string {
  return `stillroom:call:${name}`;
}

export function eventChannel(name: EventName): string {
  return `stillroom:event:${name}`;
}
