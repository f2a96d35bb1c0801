import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { mondayMessageSchema, type MondayMessage } from '../../contract/library-content';
import { ContentError, readJsonContent } from './content-files';

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
    const data = readJsonContent(file, mondayMessageSchema);
    if (data.week !== Number(number)) {
      throw new ContentError(file, [`week: is ${data.week}, but the file is named ${name}.`]);
    }
    messages.push(data);
  }
  return messages;
}
