import { z } from 'zod';
import { checkinCalls } from './checkins';
import { courseCalls } from './course';
import { dataRightsCalls } from './data-rights';
import { diaryCalls } from './diary';
import { draftCalls } from './drafts';
import { fileCalls } from './files';
import { helpCalls } from './help';
import { libraryCalls } from './library';
import { policyCalls } from './policy';
import { privacyCalls } from './privacy';
import { reminderCalls } from './reminders';
import { roomCalls } from './rooms';
import { thoughtCalls } from './thoughts';
import { shareCalls } from './share';
import { HOST_KINDS, THEMES, type CallName, type SameKeys } from './plain';
import { vaultCalls } from './vault';

/**
 * The Api contract: one entry per call, named `domain.verb`, with a zod schema for its input and
 * for its output. The shell, the preload, the browser host and the renderer all derive from this
 * table, so a call exists everywhere or nowhere.
 *
 * Inputs are `.strict()` objects: unknown keys are a mistake by the caller and are refused rather
 * than silently dropped.
 */

export const themeSchema = z.enum(THEMES);
export type Theme = z.infer<typeof themeSchema>;

const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(HOST_KINDS),
  platform: z.string(),
  /** Shown in Settings so a user can see where their encrypted data lives. */
  dataDir: z.string(),
});

const settingsSchema = z.object({
  theme: themeSchema,
});

export type AppSettings = z.infer<typeof settingsSchema>;

const noInput = z.object({}).strict();

export const apiContract = {
  'app.info': {
    input: noInput,
    output: appInfoSchema,
  },
  'settings.get': {
    input: noInput,
    output: settingsSchema,
  },
  'settings.update': {
    input: settingsSchema.partial().strict(),
    output: settingsSchema,
  },
  ...vaultCalls,
  ...diaryCalls,
  ...thoughtCalls,
  ...policyCalls,
  ...helpCalls,
  ...checkinCalls,
  ...courseCalls,
  ...libraryCalls,
  ...roomCalls,
  ...privacyCalls,
  ...shareCalls,
  ...reminderCalls,
  ...fileCalls,
  ...dataRightsCalls,
  ...draftCalls,
} as const;

export type ApiContract = typeof apiContract;
type ContractCallName = keyof ApiContract;
export type CallInput<C extends CallName> = z.input<ApiContract[C]['input']>;
export type CallOutput<C extends CallName> = z.output<ApiContract[C]['output']>;

// Every call in the table is in plain.ts's CALL_NAMES and vice versa, or this does not compile.
const callNamesMatch: SameKeys<ContractCallName, CallName> = true;
void callNamesMatch;
