import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPack, generateKeys, type PackManifestInput } from '../../scripts/build-content-pack';
import { listFiles } from './vault-files';
import { projectRoot } from './layering';

export { buildPack, generateKeys };

/** A shipped article's file, to base test articles on. */
export function shippedArticle(id: string): string {
  return readFileSync(join(projectRoot, 'content', 'library', `${id}.md`), 'utf8');
}

/** A valid new article, made from a shipped one with a new id, title and a word to search for. */
export function newArticle(id: string, title: string, word: string): string {
  return shippedArticle('sleep')
    .replace(/^id: sleep$/m, `id: ${id}`)
    .replace(/^title: .*$/m, `title: ${title}`)
    .replace(/\n---\n/, `\n---\n\nThis is about ${word}, and only this article says so.\n\n`);
}

export function manifest(
  overrides: Partial<PackManifestInput> & Pick<PackManifestInput, 'changes'>,
): PackManifestInput {
  return { id: 'test-updates', version: 1, date: '2026-11-26', title: 'Test updates', ...overrides };
}

/** Every file under a folder with its sha256 (an absent folder is empty). */
export function folderHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  let files: string[];
  try {
    files = listFiles(dir);
  } catch {
    files = [];
  }
  for (const file of files)
    out[file] = createHash('sha256')
      .update(readFileSync(join(dir, file)))
      .digest('hex');
  return out;
}
