import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../vault/atomic-file';

/**
 * Only when the user turns on "remind me while locked": the instants of the next reminders,
 * kept OUTSIDE the vault so they can be read while it is locked. Deliberately nothing else: no
 * labels, no notes, not even what each reminder is for (a locked reminder always says only "Your
 * planned moment is ready"). Anyone with the user's account could read these times; the setting
 * says so. A file that cannot be read counts as no file: reminders then wait for the unlock.
 */
export const LOCKED_TIMES_FILE = 'reminder-times.json';

const fileSchema = z
  .object({
    format: z.literal(1),
    /** Epoch milliseconds, ascending. */
    times: z.array(z.number().int()).max(500),
    /** The last moment a locked reminder was shown; times up to it are done. */
    firedUpTo: z.number().int().nullable(),
  })
  .strict();

export type LockedTimes = z.output<typeof fileSchema>;

export function lockedTimesFile(dataDir: string) {
  const path = join(dataDir, LOCKED_TIMES_FILE);
  return {
    path,
    read(): LockedTimes | undefined {
      if (!existsSync(path)) return undefined;
      try {
        const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
    write(times: LockedTimes): void {
      writeFileAtomic(path, JSON.stringify(fileSchema.parse(times)));
    },
    remove(): void {
      rmSync(path, { force: true });
    },
  };
}

export type LockedTimesFile = ReturnType<typeof lockedTimesFile>;
