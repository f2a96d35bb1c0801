import { join } from 'node:path';
import { thinkingTrapsContentSchema, type ThinkingTrap } from '../../contract';
import { readJsonContent } from './content-files';

/** The course's thinking traps (content/program/thinking-traps.json), validated at load. */
export function loadThinkingTraps(contentDir: string): ThinkingTrap[] {
  const file = join(contentDir, 'program', 'thinking-traps.json');
  const data = readJsonContent(file, thinkingTrapsContentSchema);
  return data.traps;
}
