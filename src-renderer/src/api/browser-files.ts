import { fail, FILE_KIND_INFO, type OpenFileKind } from '../../../src-main/contract/plain';
import type { CallFunctions, PickedFile, Result } from '../../../src-main/contract';
import type { FileTransfer } from './files';

const NOT_ANSWERING = 'Stillroom’s background service is not answering. Is it still running?';

/**
 * The browser host's files: the browser's own file chooser and an upload of the chosen file's
 * bytes over the authenticated Api; saving writes into the host's memory, and the page downloads
 * it once (with the token, as a Blob), which the browser then puts with its downloads.
 */
export function createBrowserFiles(token: string, base: URL, calls: CallFunctions): FileTransfer {
  const auth = { Authorization: `Bearer ${token}` };
  return {
    async open(kind) {
      const file = await pickFile(kind);
      if (!file) return { ok: true, value: null };
      const info = FILE_KIND_INFO[kind];
      if (file.size > info.maxBytes) {
        return fail(
          'payload_too_large',
          `That file is too large to be a ${info.description.toLowerCase()}. Nothing was changed.`,
        );
      }
      try {
        const response = await fetch(new URL(`files/upload/${kind}`, base), {
          method: 'POST',
          headers: {
            ...auth,
            'Content-Type': 'application/octet-stream',
            'X-File-Name': encodeURIComponent(file.name),
          },
          body: file,
        });
        return (await response.json()) as Result<PickedFile>;
      } catch {
        return fail('unavailable', NOT_ANSWERING);
      }
    },
    async chooseSave(kind) {
      // The host answers at once: the browser asks where (or uses its downloads) when it downloads.
      const result = await calls['files.chooseSave']({ kind });
      if (!result.ok) return result;
      return { ok: true, value: result.value.status === 'chosen' ? result.value.target : null };
    },
    async deliver(file) {
      let blob: Blob;
      try {
        const response = await fetch(new URL(`files/download/${encodeURIComponent(file.id)}`, base), {
          headers: auth,
        });
        if (!response.ok) return (await response.json()) as Result<never>;
        blob = await response.blob();
      } catch {
        return fail('unavailable', NOT_ANSWERING);
      }
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = file.name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { ok: true, value: file };
    },
    reveal: async () => ({ ok: true, value: { shown: false } }),
  };
}

/**
 * The browser's file chooser. Called straight from a click, so the browser lets it open; resolves
 * with null when the person closes it without choosing.
 */
function pickFile(kind: OpenFileKind): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = FILE_KIND_INFO[kind].extension;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}
