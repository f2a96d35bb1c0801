import { readdirSync } from 'node:fs';
import { ContentError } from './crisis-content';

const SLUG_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The content files in a folder with one extension, in name order. A folder that cannot be read
 * is a content error naming it. With `slugNames`, every file must be called `<id><extension>` in
 * lower-case letters, digits and hyphens, because the id is read from the name.
 */
export function listContentFiles(
  dir: string,
  extension: '.json' | '.md',
  options: { slugNames?: boolean } = {},
): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith(extension));
  } catch (error) {
    throw new ContentError(dir, [error instanceof Error ? error.message : String(error)]);
  }
  if (options.slugNames) {
    const misnamed = names.filter((name) => !SLUG_NAME.test(name.slice(0, -extension.length)));
    if (misnamed.length > 0) {
      throw new ContentError(
        dir,
        misnamed.map(
          (name) => `${name}: name files <id>${extension} with lower-case letters, digits and hyphens`,
        ),
      );
    }
  }
  return names.sort();
}
