import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';

/*
 * Where saved files may go. A backup inside the data folder is lost with the data it protects
 * (and a restore moves that folder's files aside), and an export there is out of the person's
 * sight; so dialogs start outside it and a choice inside it is refused.
 */

/** True when `path` is `folder` itself or anywhere below it. */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(resolve(folder), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The folder a save dialog opens in: the user's documents, else home; never the data folder. */
export function defaultSaveFolder(places: {
  documents: string | undefined;
  home: string | undefined;
  dataDir: string;
}): string | undefined {
  for (const folder of [places.documents, places.home]) {
    if (folder && isAbsolute(folder) && !isInside(folder, places.dataDir)) return folder;
  }
  return undefined;
}

/** A chosen name always ends in the kind's extension (Linux dialogs do not add it). */
export function withExtension(path: string, extension: string): string {
  return path.toLowerCase().endsWith(extension.toLowerCase()) ? path : `${path}${extension}`;
}

/**
 * Where `path` really is, links followed. A file about to be saved does not exist yet, so the
 * nearest folder above it that does is resolved and the rest is put back on.
 */
function realLocation(path: string): string {
  const rest: string[] = [];
  let current = resolve(path);
  for (;;) {
    try {
      return join(realpathSync(current), ...rest.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return resolve(path);
      rest.push(basename(current));
      current = parent;
    }
  }
}

/** Why a chosen save location is refused, or undefined when it is fine. */
export function refusedSaveLocation(path: string, dataDir: string): string | undefined {
  if (!isAbsolute(path)) return 'Stillroom could not tell where that is. Choose the place again.';
  // A folder that only links into the data folder is inside it: erasing would take the file too.
  if (isInside(path, dataDir) || isInside(realLocation(path), realLocation(dataDir))) {
    return 'That is inside Stillroom’s own data folder, where a file can be lost with your data. Choose another folder, such as Documents.';
  }
  return undefined;
}

/** The name and folder shown to the person after a save. */
export function describeLocation(path: string): { name: string; folder: string } {
  return { name: basename(path), folder: dirname(path) };
}
