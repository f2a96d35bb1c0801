import { existsSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { ApiFailure } from '../../contract';
import type { ShareFileStore } from '../../core/share/share-file';
import { createAgeShareFileStore } from '../share/age-share-file';

/*
 * Where the full export is delivered: the one place to change when the file-dialog port lands
 * (the save dialog then answers the folder and name). Until then, as the coach export: a folder
 * the user types, or the default below. Never inside the data folder: erasing everything empties
 * that folder, and an export is meant to outlive it.
 */

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

export function isInside(folder: string, dataDir: string): boolean {
  const from = relative(real(dataDir), real(folder));
  return from === '' || (!from.startsWith('..') && !isAbsolute(from));
}

/** The user's Documents folder when there is one, else their home folder; never the data folder. */
export function defaultExportFolder(dataDir: string, home: string = homedir()): string {
  const documents = join(home, 'Documents');
  const isFolder = (path: string) => existsSync(path) && statSync(path).isDirectory();
  for (const candidate of [documents, home]) {
    if (isFolder(candidate) && !isInside(candidate, dataDir)) return candidate;
  }
  // A data folder that holds the home folder itself: its parent is the nearest place outside.
  return resolve(dataDir, '..');
}

export function createExportDelivery(dataDir: string, options: { home?: string; workFactor?: number } = {}) {
  const files: ShareFileStore = createAgeShareFileStore({
    defaultFolder: defaultExportFolder(dataDir, options.home),
    ...(options.workFactor ? { workFactor: options.workFactor } : {}),
  });
  return {
    files,
    checkFolder(folder: string): void {
      if (isInside(folder, dataDir)) {
        throw new ApiFailure(
          'invalid_input',
          'Choose a folder outside Stillroom’s own data folder: erasing everything would take the export with it.',
        );
      }
    },
  };
}
