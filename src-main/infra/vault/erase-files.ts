import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { EraseChoice, VaultEraseReport } from '../../core/vault/vault-service';

/**
 * The files of one vault, removed for "erase everything". The database is already closed by the
 * caller. The key file is overwritten before it is unlinked: the database pages are ciphertext
 * under a random key that lived only in keyring.json, so once that is gone any piece of vault.db
 * left on the disk (an SSD keeps old blocks) is unreadable. Overwriting is best effort only, for
 * the same reason, which is why it is the key, not the data, that matters.
 */

export interface VaultFileNames {
  database: string;
  keyring: string;
}

function overwrite(path: string): void {
  try {
    const size = statSync(path).size;
    const fd = openSync(path, 'r+');
    try {
      writeSync(fd, Buffer.alloc(size));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Unlinking below still removes it; the overwrite is only a belt to those braces.
  }
}

function hasFiles(dir: string): boolean {
  try {
    return readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}

export function eraseVaultFiles(
  dataDir: string,
  names: VaultFileNames,
  folders: { backups: string; safetyCopies: string },
  choice: EraseChoice,
): VaultEraseReport {
  const report: VaultEraseReport = { erased: [], kept: [] };
  const keyring = join(dataDir, names.keyring);
  if (existsSync(keyring)) {
    overwrite(keyring);
    rmSync(keyring, { force: true });
    report.erased.push('key');
  }
  // The database, SQLite's journal files, and what an interrupted create or restore left behind.
  const leftovers = readdirSync(dataDir).filter(
    (name) =>
      name === names.database ||
      name.startsWith(`${names.database}-`) ||
      name.startsWith(`${names.database}.`) ||
      /^\.restore-\d+\.db/.test(name),
  );
  for (const name of leftovers) rmSync(join(dataDir, name), { force: true });
  if (leftovers.length > 0) report.erased.push('vault');

  for (const [kind, folder, wanted] of [
    ['backups', folders.backups, choice.backups],
    ['safety-copies', folders.safetyCopies, choice.safetyCopies],
  ] as const) {
    if (!hasFiles(folder)) {
      rmSync(folder, { recursive: true, force: true });
      continue;
    }
    if (wanted) {
      rmSync(folder, { recursive: true, force: true });
      report.erased.push(kind);
    } else report.kept.push(kind);
  }
  return report;
}

/** How many backups and safety copies there are, for the page to say before anything is erased. */
export function countVaultCopies(folders: { backups: string; safetyCopies: string }): {
  backups: number;
  safetyCopies: number;
} {
  const count = (dir: string, keep: (name: string) => boolean) => {
    try {
      return readdirSync(dir).filter(keep).length;
    } catch {
      return 0;
    }
  };
  return {
    backups: count(folders.backups, (name) => !name.startsWith('.')),
    safetyCopies: count(folders.safetyCopies, () => true),
  };
}
