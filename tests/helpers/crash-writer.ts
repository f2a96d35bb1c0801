/**
 * Child process for the vault crash test (tests/integration/vault-crash.test.ts). Run it as
 * `node --import tsx tests/helpers/crash-writer.ts` with
 *
 *   CRASH_DB_PATH     the vault database file (created on the first run)
 *   CRASH_DB_KEY_HEX  the raw 32-byte key, as 64 hex digits
 *
 * It loads its modules, prints `READY` and waits for a line on stdin before it touches the database, so the
 * test can start the next writer while it is still checking the last one. Then it opens the real
 * encrypted database with openVaultDatabase and writes transactions until it is killed.
 *
 * Each transaction carries the next sequence number n and writes three rows together: two stress
 * diary entries (through the real repository) whose `what` reads `crash <n> a` and `crash <n> b`,
 * and the running counter `crash.seq = n` in vault_settings. A transaction applied by halves
 * therefore shows up as a lone entry, or as a counter that disagrees with the entries.
 *
 * After each commit returns it prints `ACK <n>`. Writes to a pipe are synchronous on Linux and one
 * short line is atomic, so every ACK line the test reads was printed after its commit. The
 * sequence continues from the counter already in the database, so each run carries on where the
 * last one stopped.
 */
import { openVaultDatabase } from '../../src-main/infra/vault/database';
import { createStressDiaryRepository } from '../../src-main/infra/vault/repositories/stress-diary-repository';

export const CRASH_SEQ_KEY = 'crash.seq';

/** What a crash-test diary entry's `what` looks like: its transaction and which half it is. */
export const CRASH_WHAT = /^crash (\d+) ([ab])$/;

function run(): void {
  const path = process.env.CRASH_DB_PATH;
  const keyHex = process.env.CRASH_DB_KEY_HEX ?? '';
  if (!path || !/^[0-9a-f]{64}$/i.test(keyHex)) {
    process.stderr.write('crash-writer needs CRASH_DB_PATH and CRASH_DB_KEY_HEX (64 hex digits).\n');
    process.exit(2);
  }
  const db = openVaultDatabase(path, Buffer.from(keyHex, 'hex'), { create: true });
  const diary = createStressDiaryRepository(db, { now: () => Date.now() });
  const readSeq = db.prepare<[string], { value: string }>('SELECT value FROM vault_settings WHERE key = ?');
  const writeSeq = db.prepare(
    `INSERT INTO vault_settings (key, value) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  // Short but not empty texts: pages still fill and split, and the file stays small enough for
  // the test to check all of it after every kill.
  const body = 'Tight chest, jaw clenched.';
  const thoughts = 'I should have said no to the extra project.';
  const actions = 'Short walk, then answered the email.';

  const commit = db.transaction((seq: number) => {
    const occurredAt = new Date().toISOString();
    for (const part of ['a', 'b'] as const) {
      diary.save({ occurredAt, stress: seq % 11, what: `crash ${seq} ${part}`, body, thoughts, actions });
    }
    writeSeq.run(CRASH_SEQ_KEY, String(seq));
  });

  let seq = Number(readSeq.get(CRASH_SEQ_KEY)?.value ?? '0');
  process.stdout.write(`START ${seq}\n`);
  for (;;) {
    seq += 1;
    commit(seq);
    process.stdout.write(`ACK ${seq}\n`);
  }
}

// Only when run as a program, so the test can import the names above without side effects.
if (process.env.CRASH_DB_PATH !== undefined && /crash-writer\.ts$/.test(process.argv[1] ?? '')) {
  process.stdin.once('data', run);
  process.stdout.write('READY\n');
}
