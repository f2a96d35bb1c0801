import { z } from 'zod';

/**
 * Small schemas several parts of the contract share, so a date, a time stamp or an id is checked
 * the same way (and with the same message) wherever it appears.
 */

/** A calendar day, "2026-11-26", that exists (not 2026-02-30). */
export const calendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-26.')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'Not a real date.');

/** A moment, as ISO 8601 with its offset ("2026-11-26T09:30:00.000Z"). */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

/** An id made of lower-case letters, digits and single hyphens ("pss-10", "m1"); `what` names it. */
export const slugSchema = (what: string) =>
  z
    .string()
    .max(40)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, `Use lower-case letters, digits and single hyphens for ${what}.`);

/** A questionnaire's id, as the Api takes it. */
export const measureIdSchema = z
  .string()
  .regex(/^[a-z0-9-]{1,40}$/, 'Use a questionnaire id such as "pss-10".');
