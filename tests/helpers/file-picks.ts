import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenFileKind, SaveFileKind } from '../../src-main/contract';
import type { Clock } from '../../src-main/core/clock';
import { createFileRegistry, type DialogOptions } from '../../src-main/infra/files/file-registry';

/**
 * The real file registry with the OS dialogs faked (the OS owns them): a test says which path
 * the person "chooses", and gets the id the reading or writing call takes.
 */
export function createTestFiles(
  dataDir = mkdtempSync(join(tmpdir(), 'stillroom-files-data-')),
  clock: Clock = { now: () => Date.now() },
) {
  const documents = mkdtempSync(join(tmpdir(), 'stillroom-documents-'));
  let answer: string | undefined;
  const asked: DialogOptions[] = [];
  const revealed: string[] = [];
  const registry = createFileRegistry({
    dataDir,
    clock,
    folders: { documents, home: documents },
    dialogs: {
      showOpen: async (options) => (asked.push(options), answer),
      showSave: async (options) => (asked.push(options), answer),
      showInFolder: (path) => revealed.push(path),
    },
  });
  return {
    registry,
    dataDir,
    documents,
    asked,
    revealed,
    /** The person chooses `path` in the open dialog. */
    async open(kind: OpenFileKind, path: string): Promise<string> {
      answer = path;
      const file = await registry.chooseOpen(kind);
      if (!file) throw new Error('the open dialog was cancelled');
      return file.id;
    },
    /** The person chooses `path` (by default a new file in their documents) in the save dialog. */
    async save(kind: SaveFileKind, path = join(documents, `${kind}-${Math.random().toString(36).slice(2)}`)) {
      answer = path;
      const target = await registry.chooseSave(kind, 'suggested');
      if (!target) throw new Error('the save dialog was cancelled');
      return target.id;
    },
    /** Where a saved target's file is on disk. */
    pathOf(saved: { name: string; folder: string | null }): string {
      if (saved.folder === null) throw new Error('that file was a download, not a file on disk');
      return join(saved.folder, saved.name);
    },
  };
}

export type TestFiles = ReturnType<typeof createTestFiles>;
