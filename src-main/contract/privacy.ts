import { z } from 'zod';

/*
 * Privacy on screen, for the whole app: whether sensitive text is softened until pointed at or
 * focused. The privacy key itself stays with the room preferences (rooms.getPrefs), where it
 * began; the `privacy.changed` event carries both, so every window follows either at once.
 */

export const privacyPrefsSchema = z.object({
  /** Questionnaire items, diary and thought text and the safety plan are blurred until focused. */
  softenScreen: z.boolean(),
});
export type PrivacyPrefs = z.infer<typeof privacyPrefsSchema>;

export const privacyCalls = {
  'privacy.getPrefs': { input: z.object({}).strict(), output: privacyPrefsSchema },
  'privacy.setPrefs': {
    input: z.object({ softenScreen: z.boolean() }).strict(),
    output: privacyPrefsSchema,
  },
} as const;
