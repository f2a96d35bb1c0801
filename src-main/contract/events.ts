import { z } from 'zod';
import type { EventName, SameKeys } from './plain';
import { shareProgressSchema } from './share';

/**
 * Events pushed from main (or the browser host) to the renderer. Smaller than the call table:
 * the renderer never sends events, it only listens.
 */
export const eventContract = {
  /** Lock the UI now (idle, screen lock, suspend, or the user's own "lock" action elsewhere). */
  'app.locked': z.object({ reason: z.enum(['idle', 'screen', 'suspend', 'manual']) }),
  /** Hide anything on screen at once (privacy hotkey). */
  'room.hide': z.object({}),
  /** Settings changed in another window or by the tray. */
  'settings.changed': z.object({ theme: z.enum(['system', 'light', 'dark']) }),
  /** How far an export to a coach has got (scrypt alone takes a second or more). */
  'share.progress': shareProgressSchema,
} as const;

export type EventContract = typeof eventContract;
type ContractEventName = keyof EventContract;
export type EventPayload<E extends EventName> = z.output<EventContract[E]>;

// Every event here is in plain.ts's EVENT_NAMES and vice versa, or this does not compile.
const eventNamesMatch: SameKeys<ContractEventName, EventName> = true;
void eventNamesMatch;
