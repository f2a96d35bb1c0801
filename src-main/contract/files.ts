import { z } from 'zod';
import { FILE_NAME_MAX_LENGTH, OPEN_FILE_KINDS, SAVE_FILE_KINDS } from './files-plain';

/*
 * The port for files the user picks. "Which file should I open?" and "where should I save this?"
 * are asked here; the Electron shell answers with the OS dialogs, the browser host with a real
 * upload (see the host's /files/upload) and a download once the file is written. Either way the
 * page gets an id, never a path to type, and hands that id to the call that reads or writes
 * (`share.open`, `vault.restore`, `library.importPack`, `share.export`, `vault.backup`,
 * `reminders.exportIcs`). An id is good for one kind of file only.
 */

export const fileIdSchema = z.uuid();

/** A file the user chose to open. */
export const pickedFileSchema = z.object({
  id: fileIdSchema,
  name: z.string().max(FILE_NAME_MAX_LENGTH),
  bytes: z.number().int().nonnegative(),
});
export type PickedFile = z.infer<typeof pickedFileSchema>;

/** Where the user chose to save. `folder` is null when the browser will download the file. */
export const saveTargetSchema = z.object({
  id: fileIdSchema,
  name: z.string().max(FILE_NAME_MAX_LENGTH),
  folder: z.string().nullable(),
});
export type SaveTarget = z.infer<typeof saveTargetSchema>;

/** What a saving call answers: the target it wrote, and how large the file is. */
export const savedFileSchema = saveTargetSchema.extend({ bytes: z.number().int().nonnegative() });
export type SavedFile = z.infer<typeof savedFileSchema>;

const cancelled = z.object({ status: z.literal('cancelled') });

export const fileCalls = {
  /** Shows "open" for one kind of file. Cancelled when the person closes the dialog. */
  'files.chooseOpen': {
    input: z.object({ kind: z.enum(OPEN_FILE_KINDS) }).strict(),
    output: z.discriminatedUnion('status', [
      z.object({ status: z.literal('chosen'), file: pickedFileSchema }),
      cancelled,
    ]),
  },
  /**
   * Asks where to save one kind of file, starting in the user's documents (never in Stillroom's
   * data folder). In the browser host there is no dialog: the file is downloaded once written.
   */
  'files.chooseSave': {
    input: z.object({ kind: z.enum(SAVE_FILE_KINDS) }).strict(),
    output: z.discriminatedUnion('status', [
      z.object({ status: z.literal('chosen'), target: saveTargetSchema }),
      cancelled,
    ]),
  },
  /** "Show in folder" for a file just saved; false where there is no folder to show. */
  'files.reveal': {
    input: z.object({ id: fileIdSchema }).strict(),
    output: z.object({ shown: z.boolean() }),
  },
} as const;
