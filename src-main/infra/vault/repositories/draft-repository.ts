import { draftFieldsSchema, type Draft } from '../../../contract/drafts';
import type { Clock } from '../../../core/clock';
import type { DraftRepository } from '../../../core/drafts/draft-repository';
import type { VaultDatabase } from '../database';
import { guardWrite } from '../storage-errors';

interface Row {
  key: string;
  fields_json: string;
  updated_at: string;
}

export function createDraftRepository(db: VaultDatabase, clock: Clock): DraftRepository {
  const read = db.prepare<[string], Row>('SELECT key, fields_json, updated_at FROM drafts WHERE key = ?');
  const write = db.prepare(
    `INSERT INTO drafts (key, fields_json, updated_at) VALUES (@key, @fields_json, @updated_at)
     ON CONFLICT (key) DO UPDATE SET fields_json = excluded.fields_json, updated_at = excluded.updated_at`,
  );
  const every = db.prepare<[], Row>(
    'SELECT key, fields_json, updated_at FROM drafts ORDER BY updated_at, key',
  );
  const remove = db.prepare('DELETE FROM drafts WHERE key = ?');

  // A row that no longer parses (an older shape) is no draft rather than a broken form.
  const toDraft = (row: Row): Draft | null => {
    const fields = draftFieldsSchema.safeParse(JSON.parse(row.fields_json));
    return fields.success ? { key: row.key, fields: fields.data, updatedAt: row.updated_at } : null;
  };

  return {
    get(key) {
      const row = read.get(key);
      return row ? toDraft(row) : null;
    },
    all: () => every.all().flatMap((row) => toDraft(row) ?? []),
    save(key, fields) {
      const updatedAt = new Date(clock.now()).toISOString();
      guardWrite(() => write.run({ key, fields_json: JSON.stringify(fields), updated_at: updatedAt }));
      return updatedAt;
    },
    clear(key) {
      return guardWrite(() => remove.run(key)).changes > 0;
    },
  };
}
