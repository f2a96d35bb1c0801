import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ApiFailure } from '../../contract';
import type { Clock } from '../../core/clock';
import { writeFileAtomic } from './atomic-file';
import { backupFileBytes, readBackupFile } from './backup-file';
import { exportDatabase, inspectDatabase } from './database';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { storageFailure } from './storage-errors';
import { DATABASE_FILES, KEYRING_FILE, type VaultFiles } from './vault-files';
import type { VaultKeys } from './vault-keys';
import type { VaultSession } from './vault-session';

function stampOf(clock: Clock): string {
  return new Date(clock.now()).toISOString().replace(/[:.]/g, '-');
}

/** Backups out of the open vault, and restoring one in place of whatever the folder holds. */
export function createVaultBackups(options: {
  files: VaultFiles;
  keys: VaultKeys;
  session: VaultSession;
  clock: Clock;
}) {
  const { files, keys, session, clock } = options;

  /** Moves the current vault's files aside (never deleting them) before a restore replaces them. */
  function moveToSafetyCopy(): string {
    const safetyCopy = join(files.dataDir, 'safety-copies', stampOf(clock));
    mkdirSync(safetyCopy, { recursive: true, mode: 0o700 });
    for (const name of [...DATABASE_FILES, KEYRING_FILE]) {
      const from = join(files.dataDir, name);
      if (existsSync(from)) renameSync(from, join(safetyCopy, name));
    }
    return safetyCopy;
  }

  return {
    /** The whole backup file; the caller writes it where the person chose (never the data folder). */
    async backup(passphrase: string): Promise<Uint8Array> {
      const { db, key } = session.requireOpen();
      // Encrypted under the backup's own key, read back at once and removed.
      const temp = join(files.dataDir, `.backup-${stampOf(clock)}.db`);
      const backupKey = randomBytes(32);
      try {
        exportDatabase(db, key, temp, backupKey);
        return await backupFileBytes(
          readFileSync(temp),
          backupKey,
          LATEST_SCHEMA_VERSION,
          passphrase,
          keys.backupPassphrases,
        );
      } catch (error) {
        throw storageFailure(error) ?? error;
      } finally {
        rmSync(temp, { force: true });
        backupKey.fill(0);
      }
    },

    /** `file` is a backup's bytes, from wherever the person chose it. */
    async restore(
      file: Uint8Array,
      passphrase: string,
      replaceExisting: boolean,
    ): Promise<{ recoveryCode: string; safetyCopy?: string }> {
      const { backupKey, database } = await readBackupFile(file, passphrase, keys.backupPassphrases);
      const exists = files.exists();
      if (exists && !replaceExisting) {
        throw new ApiFailure(
          'conflict',
          'There is already a vault here. Confirm that you want to replace it: it will be kept as a safety copy, not deleted.',
        );
      }
      const incoming = join(files.dataDir, `.restore-${clock.now()}.db`);
      try {
        writeFileAtomic(incoming, database);
        const checked = inspectDatabase(incoming, backupKey);
        if (!checked.intact) {
          throw new ApiFailure(
            'tampered',
            'This backup could not be read back intact, so it was not restored.',
          );
        }
        if (checked.version > LATEST_SCHEMA_VERSION) {
          throw new ApiFailure(
            'unavailable',
            'This backup was made by a newer version of Stillroom. Update Stillroom first.',
          );
        }
        session.lock();
        const epoch = session.epoch();
        const safetyCopy = exists ? moveToSafetyCopy() : undefined;
        const key = Buffer.from(backupKey);
        const { keyring, recoveryCode } = await keys.newKeyring(key, passphrase);
        files.saveKeyring(keyring);
        renameSync(incoming, files.dbPath);
        session.clearProblem();
        session.openWith(key, epoch);
        return { recoveryCode, safetyCopy };
      } catch (error) {
        throw storageFailure(error) ?? error;
      } finally {
        rmSync(incoming, { force: true });
      }
    },
  };
}
