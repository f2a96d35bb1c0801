import { z } from 'zod';

const httpsUrl = z
  .string()
  .max(500)
  .url()
  .refine((value) => value.startsWith('https://'), 'Use an https:// address.')
  // `https://www.samaritans.org@evil.example/` reads as Samaritans and goes to evil.example.
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, 'Use an address without a user name or password (nothing before an @).');

/** One place to turn to. Phone numbers are kept as people dial them ("116 123"). */
export const crisisResourceSchema = z
  .object({
    name: z.string().min(1).max(120),
    description: z.string().min(1).max(400),
    phone: z
      .string()
      .max(40)
      .regex(/^[0-9+ ()-]+$/, 'Only digits, spaces, +, ( ) and - in phone numbers.')
      .optional(),
    sms: z
      .object({
        number: z
          .string()
          .max(20)
          .regex(/^[0-9 ]+$/),
        message: z.string().min(1).max(40),
      })
      .strict()
      .optional(),
    url: httpsUrl.optional(),
    hours: z.string().max(80).optional(),
  })
  .strict();

export const crisisResourcesSchema = z
  .object({
    /** ISO 3166-1 alpha-2, e.g. "GB". */
    country: z.string().regex(/^[A-Z]{2}$/),
    /** The emergency number to call when life is in danger. */
    emergency: z.string().regex(/^[0-9]{2,4}$/),
    /** When every number was last checked against the organisation's own site; null = not yet. */
    checked: z.iso.date().nullable(),
    resources: z.array(crisisResourceSchema).min(1).max(12),
  })
  .strict();

export type CrisisResources = z.infer<typeof crisisResourcesSchema>;

export const helpCalls = {
  'help.resources': {
    input: z.object({}).strict(),
    output: crisisResourcesSchema.extend({ source: z.enum(['policy', 'default']) }),
  },
} as const;
