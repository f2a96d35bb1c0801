import { z } from 'zod';
import { NOTIFICATION_TARGETS, type EventName, type SameKeys } from './plain';
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
  /** The privacy key or "soften what's on screen" changed: every window follows at once. */
  'privacy.changed': z.object({ privacyKey: z.string(), softenScreen: z.boolean() }),
  /**
   * The privacy key was pressed in the desktop app's main window. The shell catches it before the
   * page does (a focused field or a frame cannot swallow it), so the page toggles its cover on this.
   */
  'privacy.keyPressed': z.object({}),
  /** Settings changed in another window or by the tray. */
  'settings.changed': z.object({ theme: z.enum(['system', 'light', 'dark']) }),
  /** How far an export to a coach has got (scrypt alone takes a second or more). */
  'share.progress': shareProgressSchema,
  /** A reminder was shown (or would have been, where the system has no notifications). */
  'reminder.fired': z.object({ target: z.enum(NOTIFICATION_TARGETS) }),
  /** The user clicked a notification or a tray item: open this place. */
  'reminder.open': z.object({ target: z.enum(NOTIFICATION_TARGETS) }),
} as const;

export type EventContract = typeof eventContract;
type ContractEventName = keyof EventContract;
export type EventPayload<E extends EventName> = z.output<EventContract[E]>;

// Every event here is in plain.ts's EVENT_NAMES and vice versa, or this does not compile.
const eventNamesMatch: SameKeys<ContractEventName, EventName> = true;
void eventNamesMatch;
