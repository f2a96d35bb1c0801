import type { OpenFileKind, PickedFile, SavedFile, SaveFileKind, SaveTarget } from '../../contract';

/** A file the user chose to open, as the call that reads it sees it. */
export interface OpenedFile {
  name: string;
  /** Its bytes; throws an `ApiFailure` that says why when it can no longer be read. */
  read(): Uint8Array;
}

/** Where the user chose to save, as the call that writes it sees it. */
export interface WritableTarget {
  name: string;
  /**
   * Writes the whole file at once (on disk: beside it first, then renamed, so a failure leaves
   * nothing half-written). A target takes one file: the user chose it for this one.
   */
  write(bytes: Uint8Array): SavedFile;
}

/**
 * The port behind `files.*` (infra/files answers it, given the host's dialogs or none). The calls
 * that read or write a file take an id from here, so no caller ever hands main a path.
 */
export interface FileAccess {
  chooseOpen(kind: OpenFileKind): Promise<PickedFile | null>;
  chooseSave(kind: SaveFileKind, suggestedName: string): Promise<SaveTarget | null>;
  /** Shows a saved file in its folder; false where there is none (a browser download). */
  reveal(id: string): boolean;
  /** Throws `not_found` for an unknown or expired id, or one chosen for another kind of file. */
  opened(id: string, kind: OpenFileKind): OpenedFile;
  target(id: string, kind: SaveFileKind): WritableTarget;
}
