import type {
  CallFunctions,
  OpenFileKind,
  PickedFile,
  Result,
  SavedFile,
  SaveFileKind,
  SaveTarget,
  StillroomBridge,
} from '../../../src-main/contract';

/**
 * Files the person picks, the same for both transports, so no screen can tell them apart: in the
 * desktop app these are the OS's open and save dialogs; in the browser host a real file input, an
 * upload, and a download. Either way the page never holds or types a path: it gets an id for the
 * call that reads or writes the file.
 */
export interface FileTransfer {
  /** Asks which file to open; null when the person cancels. */
  open(kind: OpenFileKind): Promise<Result<PickedFile | null>>;
  /** Asks where to save; null when the person cancels. */
  chooseSave(kind: SaveFileKind): Promise<Result<SaveTarget | null>>;
  /** After the call that wrote it: the browser downloads it now; the desktop has it on disk already. */
  deliver(file: SavedFile): Promise<Result<SavedFile>>;
  /** "Show in folder" (only where `file.folder` is not null). */
  reveal(file: SavedFile): Promise<Result<{ shown: boolean }>>;
}

/** What the renderer talks to: the contract's calls and events, and its files. */
export interface AppApi extends StillroomBridge {
  files: FileTransfer;
}

/** The desktop app: main shows the OS dialogs and writes where the person chose. */
export function createDesktopFiles(calls: CallFunctions): FileTransfer {
  return {
    async open(kind) {
      const result = await calls['files.chooseOpen']({ kind });
      if (!result.ok) return result;
      return { ok: true, value: result.value.status === 'chosen' ? result.value.file : null };
    },
    async chooseSave(kind) {
      const result = await calls['files.chooseSave']({ kind });
      if (!result.ok) return result;
      return { ok: true, value: result.value.status === 'chosen' ? result.value.target : null };
    },
    deliver: async (file) => ({ ok: true, value: file }),
    reveal: (file) => calls['files.reveal']({ id: file.id }),
  };
}

export function withFiles(bridge: StillroomBridge, files: FileTransfer): AppApi {
  return { calls: bridge.calls, on: bridge.on.bind(bridge), files };
}
