import { z } from 'zod';
import { crisisResourcesSchema, organisationSupportSchema } from './help';
import { measureIdSchema } from './primitives';

/**
 * The managed policy IT may place on a machine. It configures and endorses Stillroom; nothing in
 * it can make Stillroom report anything back. Every object is strict: an unknown key is almost
 * always a typo, and a typo in a policy should be reported, not silently ignored.
 */
export const policySchema = z
  .object({
    format: z.literal(1),
    organisation: z
      .object({
        name: z.string().min(1).max(120),
        /** Shown on Today, e.g. "We support you taking 20 minutes for this during work hours." */
        endorsement: z.string().min(1).max(600).optional(),
        /** Suggested time for Stillroom during work hours, in minutes per week. */
        timeAllowanceMinutesPerWeek: z.number().int().min(5).max(600).optional(),
      })
      .strict(),
    coach: z
      .object({
        name: z.string().min(1).max(120),
        email: z.email().max(200).optional(),
        phone: z
          .string()
          .max(40)
          .regex(/^[0-9+ ()-]+$/)
          .optional(),
        note: z.string().max(400).optional(),
      })
      .strict()
      .optional(),
    /** One list that replaces Stillroom's own for every country (the original, single-country form). */
    crisis: crisisResourcesSchema.optional(),
    /** Lists per country (keys are ISO codes, e.g. "DE"); they replace the shipped list for that country. */
    crisisByCountry: z
      .record(
        z.string().regex(/^[A-Z]{2}$/, 'Use two-letter country codes in capitals.'),
        crisisResourcesSchema,
      )
      .refine((lists) => Object.keys(lists).length <= 60, 'At most 60 countries.')
      .superRefine((lists, ctx) => {
        for (const [code, list] of Object.entries(lists)) {
          if (list.country !== code)
            ctx.addIssue({ code: 'custom', path: [code, 'country'], message: `Must be "${code}", its key.` });
        }
      })
      .optional(),
    /** The organisation's own support, e.g. its employee assistance programme (EAP). */
    organisationSupport: organisationSupportSchema.optional(),
    /**
     * Questionnaires whose licence asks for permission for commercial use (PSS-10) stay hidden
     * unless the organisation says here that it holds that permission.
     */
    licences: z
      .object({ commercialPermission: z.array(measureIdSchema).max(20) })
      .strict()
      .optional(),
    /** Starting values the user can change. */
    defaults: z
      .object({
        theme: z.enum(['system', 'light', 'dark']).optional(),
        autoLockMinutes: z.number().int().min(0).max(1440).optional(),
        mondayMessage: z.boolean().optional(),
      })
      .strict()
      .optional(),
    /** Settings the user cannot change while this policy is in force. */
    enforced: z
      .object({
        exportAllowed: z.boolean().optional(),
        keychainAllowed: z.boolean().optional(),
      })
      .strict()
      .optional(),
    contentPacks: z
      .object({
        folder: z.string().min(1).max(1000).optional(),
        /** ed25519 public keys (PEM, SPKI) trusted to sign content packs, besides Stillroom's own. */
        trustedKeys: z.array(z.string().min(40).max(400)).max(20).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type Policy = z.infer<typeof policySchema>;

export const policyStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('none'), searched: z.string() }),
  z.object({ state: z.literal('ok'), path: z.string(), policy: policySchema }),
  z.object({ state: z.literal('invalid'), path: z.string(), problems: z.array(z.string()).min(1) }),
]);

export type PolicyState = z.infer<typeof policyStateSchema>;

export const policyCalls = {
  'policy.get': { input: z.object({}).strict(), output: policyStateSchema },
} as const;
