import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { AttemptRecord, AttemptStore } from '../../core/vault/unlock-throttle';
import { writeFileAtomic } from './atomic-file';

export const ATTEMPTS_FILE = 'unlock-attempts.json';

const recordSchema = z.object({ failures: z.number().int().min(0), notBefore: z.number().int().min(0) });
const fileSchema = z.record(z.string(), recordSchema);

/**
 * unlock-attempts.json: how many wrong secrets in a row, and until when to wait, per kind of
 * attempt (unlock, restore). Numbers only. A restart must not reset the rate limit.
 */
export function createAttemptsFile(path: string) {
  function readAll(): Record<string, AttemptRecord> {
    if (!existsSync(path)) return {};
    try {
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }

  return {
    store(name: string): AttemptStore {
      return {
        read: () => readAll()[name],
        write(record) {
          try {
            writeFileAtomic(path, `${JSON.stringify({ ...readAll(), [name]: record })}\n`);
          } catch {
            // A folder that cannot be written (read-only, full) still gets the limit in memory;
            // the vault's own writes report the storage problem to the person.
          }
        },
      };
    },
  };
}
