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

const phoneNumber = z
  .string()
  .max(40)
  .regex(/^[0-9+ ()-]+$/, 'Only digits, spaces, +, ( ) and - in phone numbers.');

const countryCode = z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter country code in capitals, like "GB".');

/** One place to turn to. Phone numbers are kept as people dial them ("116 123"). */
export const crisisResourceSchema = z
  .object({
    name: z.string().min(1).max(120),
    description: z.string().min(1).max(400),
    phone: phoneNumber.optional(),
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
    /** Where the number was confirmed (the service's own page where possible). */
    source: httpsUrl.optional(),
    /** When it was last confirmed there. */
    checked: z.iso.date().optional(),
  })
  .strict();

export const crisisResourcesSchema = z
  .object({
    /** ISO 3166-1 alpha-2, e.g. "GB". */
    country: countryCode,
    /** The country's name as the picker shows it. */
    name: z.string().min(1).max(80).optional(),
    /** The emergency number to call when life is in danger. */
    emergency: z.string().regex(/^[0-9]{2,4}$/),
    /** Older policies gave one date for the whole list; entries now carry their own. */
    checked: z.iso.date().nullable().optional(),
    resources: z.array(crisisResourceSchema).min(1).max(12),
  })
  .strict();

/**
 * What Stillroom ships (content/crisis/<cc>.json). Wrong numbers harm, so every entry names its
 * source and when it was checked, and the emergency number is itself an entry with a source.
 */
export const shippedCrisisResourcesSchema = crisisResourcesSchema
  .extend({
    name: z.string().min(1).max(80),
    resources: z
      .array(crisisResourceSchema.extend({ source: httpsUrl, checked: z.iso.date() }))
      .min(1)
      .max(12),
  })
  .strict()
  .refine((list) => list.resources.some((resource) => resource.phone === list.emergency), {
    message: 'The emergency number must also be an entry, with its source and checked date.',
    path: ['emergency'],
  });

/** The organisation's own support (an employee assistance programme), from the IT policy. */
export const organisationSupportSchema = z
  .object({
    name: z.string().min(1).max(120),
    description: z.string().min(1).max(400).optional(),
    phone: phoneNumber.optional(),
    email: z.email().max(200).optional(),
    url: httpsUrl.optional(),
    hours: z.string().max(80).optional(),
  })
  .strict()
  .refine((support) => support.phone || support.email || support.url, {
    message: 'Give at least a phone number, an email address or a web address.',
    path: ['phone'],
  });

export type CrisisResources = z.infer<typeof crisisResourcesSchema>;
export type ShippedCrisisResources = z.infer<typeof shippedCrisisResourcesSchema>;
export type OrganisationSupport = z.infer<typeof organisationSupportSchema>;

export const helpOutputSchema = crisisResourcesSchema.extend({
  source: z.enum(['policy', 'default']),
  /** The countries the user can choose between, by name. */
  countries: z.array(z.object({ code: countryCode, name: z.string() })),
  /**
   * How the country was chosen: the user's own choice (kept in the vault), the computer's region,
   * or a fallback when Stillroom has no list for that region.
   */
  chosenBy: z.enum(['user', 'region', 'fallback']),
  /** The region the computer reports, when it has one. */
  region: countryCode.nullable(),
  organisationSupport: organisationSupportSchema.nullable(),
});

export const helpCalls = {
  /**
   * Works while locked: nothing in it is personal. `country` shows that country's lines for a
   * look without saving the choice (the lock screen's picker).
   */
  'help.resources': {
    input: z.object({ country: countryCode.optional() }).strict(),
    output: helpOutputSchema,
  },
  /** Kept in the vault, so it needs it unlocked; while locked the computer's region decides. */
  'help.setCountry': {
    input: z.object({ country: countryCode }).strict(),
    output: helpOutputSchema,
  },
} as const;
