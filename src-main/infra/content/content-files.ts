import { readdirSync, readFileSync } from 'node:fs';
import type { z, ZodType } from 'zod';
import { describeZodIssues } from '../../core/validation/describe-issues';

/** A content file Stillroom cannot use: the message names the file and each problem in it. */
export class ContentError extends Error {
  constructor(file: string, problems: string[]) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'ContentError';
  }
}

/** One JSON content file, parsed and checked against its schema; any problem names the file. */
export function readJsonContent<S extends ZodType>(file: string, schema: S): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ContentError(file, [error instanceof Error ? error.message : String(error)]);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ContentError(file, describeZodIssues(parsed.error.issues));
  return parsed.data;
}

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
