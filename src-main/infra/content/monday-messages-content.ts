import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mondayMessageSchema, type MondayMessage } from '../../contract/library-content';
import { describeZodIssues } from '../../core/validation/describe-issues';
import { ContentError } from './crisis-content';

const FILE_NAME = /^(\d{2})\.json$/;

/**
 * The Monday messages (content/messages/monday/01.json … 52.json), validated at load, in week
 * order. However many are installed are used; none yet is fine (the app says so gently). A file
 * that breaks the schema, or whose number does not match its `week`, stops the load with a
 * message naming the file and field, as for all content.
 */
export function loadMondayMessages(contentDir: string): MondayMessage[] {
  const dir = join(contentDir, 'messages', 'monday');
  if (!existsSync(dir)) return [];
  const messages: MondayMessage[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json')) continue;
    const file = join(dir, name);
    const number = FILE_NAME.exec(name)?.[1];
    if (!number) throw new ContentError(file, ['Name Monday message files 01.json to 52.json.']);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ContentError(file, [error instanceof Error ? error.message : String(error)]);
    }
    const parsed = mondayMessageSchema.safeParse(json);
    if (!parsed.success) throw new ContentError(file, describeZodIssues(parsed.error.issues));
    if (parsed.data.week !== Number(number)) {
      throw new ContentError(file, [`week: is ${parsed.data.week}, but the file is named ${name}.`]);
    }
    messages.push(parsed.data);
  }
  return messages;
}
