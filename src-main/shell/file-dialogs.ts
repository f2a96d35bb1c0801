import type { BrowserWindow, Dialog, Shell } from 'electron';
import type { DialogOptions, FileDialogs } from '../infra/files/file-registry';

/**
 * The OS's own open and save dialogs, attached to Stillroom's window so they sit over it. Thin on
 * purpose: which folder to start in, the filters, the extension and the refusal of the data
 * folder are decided in infra/files, and tested there without Electron.
 */
export function createElectronFileDialogs(
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>,
  shell: Pick<Shell, 'showItemInFolder'>,
  window: () => BrowserWindow | undefined,
): FileDialogs {
  const parent = () => {
    const current = window();
    return current && !current.isDestroyed() ? current : undefined;
  };
  const base = (options: DialogOptions) => ({
    title: options.title,
    filters: options.filters,
    ...(options.defaultPath ? { defaultPath: options.defaultPath } : {}),
  });
  return {
    async showOpen(options) {
      const request = { ...base(options), properties: ['openFile' as const] };
      const owner = parent();
      const result = owner
        ? await dialog.showOpenDialog(owner, request)
        : await dialog.showOpenDialog(request);
      return result.canceled ? undefined : result.filePaths[0];
    },
    async showSave(options) {
      const request = {
        ...base(options),
        properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
      };
      const owner = parent();
      const result = owner
        ? await dialog.showSaveDialog(owner, request)
        : await dialog.showSaveDialog(request);
      return result.canceled || !result.filePath ? undefined : result.filePath;
    },
    showInFolder(path) {
      shell.showItemInFolder(path);
    },
  };
}
