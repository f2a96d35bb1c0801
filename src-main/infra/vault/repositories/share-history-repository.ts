import { randomUUID } from 'node:crypto';
import { shareCountsSchema, type ShareHistoryEntry } from '../../../contract/share';
import type { Clock } from '../../../core/clock';
import type { ShareHistoryRepository } from '../../../core/share/share-history';
import type { VaultDatabase } from '../database';
import { guardWrite } from '../storage-errors';

interface Row {
  id: string;
  exported_at: string;
  recipient_label: string;
  method: ShareHistoryEntry['method'];
  file_name: string;
  counts: string;
}

export function createShareHistoryRepository(db: VaultDatabase, clock: Clock): ShareHistoryRepository {
  const insert = db.prepare(
    `INSERT INTO share_history (id, exported_at, recipient_label, method, file_name, counts)
     VALUES (@id, @exported_at, @recipient_label, @method, @file_name, @counts)`,
  );
  const all = db.prepare<[], Row>('SELECT * FROM share_history ORDER BY exported_at DESC, rowid DESC');
  const clear = db.prepare('DELETE FROM share_history');

  const toEntry = (row: Row): ShareHistoryEntry => ({
    id: row.id,
    exportedAt: row.exported_at,
    recipientLabel: row.recipient_label,
    method: row.method,
    fileName: row.file_name,
    counts: shareCountsSchema.parse(JSON.parse(row.counts)),
  });

  return {
    add(entry) {
      const row: Row = {
        id: randomUUID(),
        exported_at: new Date(clock.now()).toISOString(),
        recipient_label: entry.recipientLabel,
        method: entry.method,
        file_name: entry.fileName,
        counts: JSON.stringify(entry.counts),
      };
      guardWrite(() => insert.run(row));
      return toEntry(row);
    },
    list: () => all.all().map(toEntry),
    clear() {
      guardWrite(() => clear.run());
    },
  };
}
