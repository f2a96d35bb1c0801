import {
  SHARE_FILE_EXTENSION,
  FILE_KIND_INFO,
  type CallInput,
  type CallOutput,
  type SaveFileKind,
} from '../../contract';
import type { Clock } from '../clock';
import type { FileAccess } from './file-port';

/** A file name with the date only: nothing about the person, their coach or what is inside. */
export function suggestedFileName(kind: SaveFileKind, now: number): string {
  const minute = new Date(now).toISOString().slice(0, 16).replace(/[:T]/g, '-');
  if (kind === 'share') return `stillroom-share-${minute}${SHARE_FILE_EXTENSION}`;
  if (kind === 'backup') return `stillroom-backup-${minute}${FILE_KIND_INFO.backup.extension}`;
  if (kind === 'full-export')
    return `stillroom-everything-${minute}${FILE_KIND_INFO['full-export'].extension}`;
  if (kind === 'recovery-code') return `stillroom-recovery-code${FILE_KIND_INFO['recovery-code'].extension}`;
  // The calendar file lands in a work calendar, where colleagues may see its name.
  return `focus-time${FILE_KIND_INFO.calendar.extension}`;
}

export function createFileHandlers(deps: { files: FileAccess; clock: Clock }) {
  return {
    'files.chooseOpen': async ({
      kind,
    }: CallInput<'files.chooseOpen'>): Promise<CallOutput<'files.chooseOpen'>> => {
      const file = await deps.files.chooseOpen(kind);
      return file ? { status: 'chosen', file } : { status: 'cancelled' };
    },
    'files.chooseSave': async ({
      kind,
    }: CallInput<'files.chooseSave'>): Promise<CallOutput<'files.chooseSave'>> => {
      const target = await deps.files.chooseSave(kind, suggestedFileName(kind, deps.clock.now()));
      return target ? { status: 'chosen', target } : { status: 'cancelled' };
    },
    'files.reveal': ({ id }: CallInput<'files.reveal'>) => ({ shown: deps.files.reveal(id) }),
  };
}
