import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ApiFailure,
  FILE_KIND_INFO,
  FILE_NAME_MAX_LENGTH,
  type FileKind,
  type OpenFileKind,
  type PickedFile,
  type SaveFileKind,
  type SavedFile,
  type SaveTarget,
} from '../../contract';
import type { Clock } from '../../core/clock';
import type { FileAccess, OpenedFile, WritableTarget } from '../../core/files/file-port';
import { writeFileAtomic } from '../vault/atomic-file';
import { defaultSaveFolder, describeLocation, refusedSaveLocation, withExtension } from './file-locations';

/** The OS dialogs, as the Electron shell passes them in (thin: `dialog` and `shell`). */
export interface FileDialogs {
  /** The chosen path, or undefined when the person cancelled. */
  showOpen(options: DialogOptions): Promise<string | undefined>;
  showSave(options: DialogOptions): Promise<string | undefined>;
  showInFolder(path: string): void;
}

export interface DialogOptions {
  title: string;
  /** A folder (open) or a folder plus the suggested name (save). */
  defaultPath: string | undefined;
  filters: { name: string; extensions: string[] }[];
}

/** Where a person's own folders are, to start the dialogs there. */
export interface UserFolders {
  documents: string | undefined;
  home: string | undefined;
}

interface Entry {
  kind: FileKind;
  mode: 'open' | 'save';
  name: string;
  /** On disk (chosen in a dialog). */
  path?: string;
  /** In memory (uploaded by the page, or written for the page to download). */
  bytes?: Uint8Array;
  written: boolean;
  at: number;
}

/** Chosen files are forgotten after this long, and the oldest first when too many are held. */
const HOLD_MS = 30 * 60 * 1000;
const MAX_ENTRIES = 16;
const MAX_HELD_BYTES = 1024 * 1024 * 1024;

const OPEN_TITLES: Record<OpenFileKind, string> = {
  share: 'Open a file someone shared with you',
  backup: 'Choose the backup to restore',
  'content-pack': 'Choose a library update',
};
const SAVE_TITLES: Record<SaveFileKind, string> = {
  share: 'Save the file for your coach',
  backup: 'Save your backup',
  calendar: 'Save the calendar file',
  'full-export': 'Save everything from Stillroom',
  'recovery-code': 'Save your recovery code',
};

function filters(kind: FileKind) {
  const info = FILE_KIND_INFO[kind];
  return [{ name: info.description, extensions: [info.extension.slice(1)] }];
}

/** A name fit to show and to download as: no control characters, no folder separators. */
function shownName(name: string): string {
  const clean =
    [...name]
      .filter(
        (char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f && char !== '/' && char !== '\\',
      )
      .join('')
      .trim() || 'file';
  return clean.length > FILE_NAME_MAX_LENGTH ? clean.slice(0, FILE_NAME_MAX_LENGTH) : clean;
}

function tooLarge(kind: FileKind): ApiFailure {
  return new ApiFailure(
    'payload_too_large',
    `That file is too large to be a ${FILE_KIND_INFO[kind].description.toLowerCase()}. Nothing was changed.`,
  );
}

/** The path to write: the chosen one, or with its extension added, never over a file nobody chose. */
function savePath(chosen: string, extension: string): string {
  const path = withExtension(chosen, extension);
  if (path === chosen || !existsSync(path)) return path;
  const base = path.slice(0, -extension.length);
  for (let n = 2; ; n += 1) if (!existsSync(`${base}-${n}${extension}`)) return `${base}-${n}${extension}`;
}

export interface FileRegistry extends FileAccess {
  /** The browser host: bytes the page uploaded. Refused when too large for the kind. */
  addUpload(kind: OpenFileKind, name: string, bytes: Uint8Array): PickedFile;
  /** The browser host: a written file, once, for the page to download. */
  takeDownload(id: string): { name: string; bytes: Uint8Array; mime: string } | undefined;
}

/**
 * Answers the file port. With dialogs (Electron), ids stand for paths the person chose; without
 * (the browser host), for bytes the page uploaded or will download. Either way nothing outside
 * this module ever sees a path it could be tricked into using.
 */
export function createFileRegistry(options: {
  dataDir: string;
  clock: Clock;
  dialogs?: FileDialogs;
  folders?: UserFolders;
}): FileRegistry {
  const entries = new Map<string, Entry>();
  const now = () => options.clock.now();

  function prune(): void {
    for (const [id, entry] of entries) if (now() - entry.at > HOLD_MS) entries.delete(id);
    let held = 0;
    for (const entry of entries.values()) held += entry.bytes?.length ?? 0;
    for (const [id, entry] of entries) {
      if (entries.size <= MAX_ENTRIES && held <= MAX_HELD_BYTES) break;
      held -= entry.bytes?.length ?? 0;
      entries.delete(id);
    }
  }

  function add(entry: Omit<Entry, 'at' | 'written'>): string {
    const id = randomUUID();
    entries.set(id, { ...entry, written: false, at: now() });
    prune();
    return id;
  }

  function find(id: string, kind: FileKind, mode: Entry['mode']): Entry {
    prune();
    const entry = entries.get(id);
    if (!entry || entry.kind !== kind || entry.mode !== mode) {
      throw new ApiFailure(
        'not_found',
        mode === 'open'
          ? 'Stillroom no longer has that file in hand. Choose it again.'
          : 'Stillroom no longer knows where to save this. Choose the place again.',
      );
    }
    return entry;
  }

  function startFolder(): string | undefined {
    return defaultSaveFolder({
      documents: options.folders?.documents,
      home: options.folders?.home,
      dataDir: options.dataDir,
    });
  }

  function readPath(entry: Pick<Entry, 'kind' | 'name'> & { path: string }): Uint8Array {
    let size: number;
    try {
      const stats = statSync(entry.path);
      if (!stats.isFile()) throw new Error('not a file');
      size = stats.size;
    } catch {
      throw new ApiFailure('not_found', `“${entry.name}” is no longer where it was. Choose it again.`);
    }
    if (size > FILE_KIND_INFO[entry.kind].maxBytes) throw tooLarge(entry.kind);
    try {
      return readFileSync(entry.path);
    } catch {
      throw new ApiFailure('not_found', `“${entry.name}” could not be read. Choose it again.`);
    }
  }

  return {
    async chooseOpen(kind) {
      if (!options.dialogs) {
        throw new ApiFailure('unavailable', 'Here the page itself asks for the file, and uploads it.');
      }
      const path = await options.dialogs.showOpen({
        title: OPEN_TITLES[kind],
        defaultPath: startFolder(),
        filters: filters(kind),
      });
      if (path === undefined) return null;
      const entry = { kind, mode: 'open' as const, name: shownName(describeLocation(path).name), path };
      const bytes = readPath(entry).length;
      return { id: add(entry), name: entry.name, bytes };
    },

    async chooseSave(kind, suggestedName): Promise<SaveTarget | null> {
      const name = shownName(suggestedName);
      if (!options.dialogs) return { id: add({ kind, mode: 'save', name }), name, folder: null };
      const folder = startFolder();
      const chosen = await options.dialogs.showSave({
        title: SAVE_TITLES[kind],
        defaultPath: folder ? join(folder, name) : name,
        filters: filters(kind),
      });
      if (chosen === undefined) return null;
      const refused = refusedSaveLocation(chosen, options.dataDir);
      if (refused) throw new ApiFailure('invalid_input', refused);
      const path = savePath(chosen, FILE_KIND_INFO[kind].extension);
      const shown = describeLocation(path);
      return { id: add({ kind, mode: 'save', name: shown.name, path }), ...shown };
    },

    reveal(id) {
      const entry = entries.get(id);
      if (!entry?.path || !options.dialogs || !existsSync(entry.path)) return false;
      options.dialogs.showInFolder(entry.path);
      return true;
    },

    opened(id, kind): OpenedFile {
      const entry = find(id, kind, 'open');
      return {
        name: entry.name,
        read: () => {
          if (entry.path !== undefined) return readPath({ ...entry, path: entry.path });
          return entry.bytes ?? new Uint8Array();
        },
      };
    },

    target(id, kind): WritableTarget {
      const entry = find(id, kind, 'save');
      return {
        name: entry.name,
        write(bytes): SavedFile {
          if (entry.written) {
            throw new ApiFailure('conflict', 'That place already has this file. Choose where to save again.');
          }
          if (entry.path !== undefined) {
            try {
              writeFileAtomic(entry.path, bytes);
            } catch {
              throw new ApiFailure(
                'storage_failed',
                `Stillroom could not save “${entry.name}” there. Nothing was saved; choose another folder.`,
              );
            }
          } else {
            entry.bytes = bytes;
          }
          entry.written = true;
          entry.at = now();
          const folder = entry.path === undefined ? null : describeLocation(entry.path).folder;
          return { id, name: entry.name, folder, bytes: bytes.length };
        },
      };
    },

    addUpload(kind, name, bytes) {
      if (bytes.length > FILE_KIND_INFO[kind].maxBytes) throw tooLarge(kind);
      const entry = { kind, mode: 'open' as const, name: shownName(name), bytes };
      return { id: add(entry), name: entry.name, bytes: bytes.length };
    },

    takeDownload(id) {
      const entry = entries.get(id);
      if (!entry || entry.mode !== 'save' || !entry.written || entry.bytes === undefined) return undefined;
      // One-shot: the page downloads it once, and then it is gone from memory.
      entries.delete(id);
      return { name: entry.name, bytes: entry.bytes, mime: FILE_KIND_INFO[entry.kind].mime };
    },
  };
}
