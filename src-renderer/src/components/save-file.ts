import type { Result, SavedFile, SaveFileKind } from '../../../src-main/contract';
import type { FileTransfer } from '../api/files';

/**
 * "Where should I save this?", then the call that writes it, then (in the browser) the download.
 * Null when the person cancelled the dialog: nothing was written and nothing needs saying.
 */
export async function saveFile<T>(
  files: FileTransfer,
  kind: SaveFileKind,
  write: (target: string) => Promise<Result<T>>,
  savedOf: (value: T) => SavedFile | undefined,
): Promise<Result<T | null>> {
  const chosen = await files.chooseSave(kind);
  if (!chosen.ok || chosen.value === null) return chosen as Result<null>;
  const written = await write(chosen.value.id);
  if (!written.ok) return written;
  const saved = savedOf(written.value);
  if (saved) {
    const delivered = await files.deliver(saved);
    if (!delivered.ok) return delivered;
  }
  return written;
}
