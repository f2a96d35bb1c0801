import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crisisResourcesSchema, type CrisisResources } from '../../contract';
import { describeZodIssues } from '../../core/validation/describe-issues';

export class ContentError extends Error {
  constructor(file: string, problems: string[]) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'ContentError';
  }
}

/** The crisis resources shipped for a country (content/crisis/<cc>.json), validated at load. */
export function loadCrisisContent(contentDir: string, country: string): CrisisResources {
  const file = join(contentDir, 'crisis', `${country.toLowerCase()}.json`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ContentError(file, [error instanceof Error ? error.message : String(error)]);
  }
  const parsed = crisisResourcesSchema.safeParse(json);
  if (!parsed.success) throw new ContentError(file, describeZodIssues(parsed.error.issues));
  return parsed.data;
}
