import type { z } from 'zod';

/** Unknown keys come from whoever sent the input: show a few, each short, never the whole thing. */
const MAX_KEYS_SHOWN = 5;
const MAX_KEY_LENGTH = 40;

/** "organisation.name: Too small…" — one line per problem, naming the field, for IT and writers. */
export function describeZodIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
    if (issue.code === 'unrecognized_keys') {
      const shown = issue.keys.slice(0, MAX_KEYS_SHOWN).map(showKey).join(', ');
      const more =
        issue.keys.length > MAX_KEYS_SHOWN ? ` and ${issue.keys.length - MAX_KEYS_SHOWN} more` : '';
      return `${where}: unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${shown}${more}`;
    }
    return `${where}: ${issue.message}`;
  });
}

/** Quoted, shortened (by code point, so no half characters) and with control characters escaped. */
function showKey(key: string): string {
  const points = Array.from(key.slice(0, 2 * MAX_KEY_LENGTH + 2));
  const short = points.length > MAX_KEY_LENGTH ? `${points.slice(0, MAX_KEY_LENGTH).join('')}…` : key;
  return JSON.stringify(short);
}
