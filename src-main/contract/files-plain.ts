/*
 * Files the user picks: the kinds Stillroom saves and opens, in plain TypeScript (no zod), so the
 * page (its file input's `accept`, its size check before an upload), the core, the shell's
 * dialogs and the browser host all read the same table.
 */

export const FILE_KINDS = [
  'share',
  'backup',
  'calendar',
  'content-pack',
  'full-export',
  'recovery-code',
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** What a person may be asked to open. */
export const OPEN_FILE_KINDS = ['share', 'backup', 'content-pack'] as const;
export type OpenFileKind = (typeof OPEN_FILE_KINDS)[number];

/** What a person may be asked where to save. */
export const SAVE_FILE_KINDS = ['share', 'backup', 'calendar', 'full-export', 'recovery-code'] as const;
export type SaveFileKind = (typeof SAVE_FILE_KINDS)[number];

const MiB = 1024 * 1024;

export interface FileKindInfo {
  /** With its dot; the dialogs filter on it and a saved name always ends in it. */
  extension: string;
  /** The dialog's filter name and the page's words for it. */
  description: string;
  /** Anything larger is not one of these, and is refused before it is read or uploaded. */
  maxBytes: number;
  mime: string;
}

export const FILE_KIND_INFO: Record<FileKind, FileKindInfo> = {
  // A year of diaries is well under a megabyte; age-encrypted zip of report and data.
  share: {
    extension: '.age',
    description: 'Encrypted file for a coach',
    maxBytes: 64 * MiB,
    mime: 'application/octet-stream',
  },
  backup: {
    extension: '.stillroom-backup',
    description: 'Stillroom backup',
    maxBytes: 512 * MiB,
    mime: 'application/octet-stream',
  },
  calendar: { extension: '.ics', description: 'Calendar file', maxBytes: 4 * MiB, mime: 'text/calendar' },
  'content-pack': {
    extension: '.stillroom-pack',
    description: 'Library update',
    maxBytes: 5 * MiB,
    mime: 'application/octet-stream',
  },
  // Everything, as the coach share is made (age around a zip); saved only, never opened by Stillroom.
  'full-export': {
    extension: '.age',
    description: 'Encrypted copy of everything',
    maxBytes: 512 * MiB,
    mime: 'application/octet-stream',
  },
  // The recovery code as plain text, saved only when the person asks (a password manager, a USB stick).
  'recovery-code': { extension: '.txt', description: 'Recovery code', maxBytes: 4096, mime: 'text/plain' },
};

export function isOpenFileKind(kind: unknown): kind is OpenFileKind {
  return typeof kind === 'string' && (OPEN_FILE_KINDS as readonly string[]).includes(kind);
}

/** The longest file name Stillroom keeps for showing; longer names are cut, never refused. */
export const FILE_NAME_MAX_LENGTH = 255;
