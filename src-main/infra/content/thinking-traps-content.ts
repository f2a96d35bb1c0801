import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { thinkingTrapsContentSchema, type ThinkingTrap } from '../../contract';
import { describeZodIssues } from '../../core/validation/describe-issues';
import { ContentError } from './crisis-content';

/** The course's thinking traps (content/program/thinking-traps.json), validated at load. */
export function loadThinkingTraps(contentDir: string): ThinkingTrap[] {
  const file = join(contentDir, 'program', 'thinking-traps.json');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ContentError(file, [error instanceof Error ? error.message : String(error)]);
  }
  const parsed = thinkingTrapsContentSchema.safeParse(json);
  if (!parsed.success) throw new ContentError(file, describeZodIssues(parsed.error.issues));
  return parsed.data.traps;
}
