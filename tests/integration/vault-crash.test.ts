import { spawn } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openVaultDatabase } from '../../src-main/infra/vault/database';
import { CRASH_SEQ_KEY, CRASH_WHAT } from '../helpers/crash-writer';
import { tempDir } from '../helpers/host-harness';
import { projectRoot } from '../helpers/layering';

/**
 * A writer process commits paired rows to the real encrypted vault database and is SIGKILLed at a
 * random moment, round after round on the same file. After every kill the database is reopened as
 * the app would reopen it and checked: intact, every acknowledged transaction there, none by halves.
 */

const ROUNDS = 100;
/** The writer is killed this long (ms, both ends included) after its first acknowledgement. */
const KILL_AFTER_MS = [20, 300] as const;
/** Writers started ahead of time; loading one through tsx takes longer than a round. */
const WRITERS_AHEAD = 2;
const WRITER = join(projectRoot, 'tests', 'helpers', 'crash-writer.ts');

interface Round {
  /** The counter the writer found in the database when it opened it. */
  start: number;
  /** Sequence numbers acknowledged (committed) before the kill, in order. */
  acks: number[];
  /** From "go" to the first ACK: open, key, migrations check, WAL recovery, first commit. */
  firstAckMs: number;
  /** How long go() waited for the writer to finish loading its modules. */
  waitedMs: number;
}

interface Writer {
  /** Lets the writer open the database; settles once it has been killed and its output drained. */
  go(): Promise<Round>;
  /** Kills a writer that was never used. */
  dispose(): Promise<void>;
}

/**
 * Starts a writer process that loads its modules and then waits. Starting the next writer while
 * the last one is still being checked keeps 100 rounds affordable (module loading through tsx
 * takes a few hundred ms); the writer touches the database only after go().
 */
function startWriter(path: string, key: Buffer): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER], {
    cwd: projectRoot,
    env: { ...process.env, CRASH_DB_PATH: path, CRASH_DB_KEY_HEX: key.toString('hex') },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let pending = '';
  let stderr = '';
  let start = -1;
  const acks: number[] = [];
  let wentAt = 0;
  let readyAt = 0;
  let firstAckMs = 0;
  let waitedMs = 0;
  let noAckTimer: NodeJS.Timeout | undefined;
  let killTimer: NodeJS.Timeout | undefined;

  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    // Only whole lines count: a line cut off by the kill was never acknowledged.
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const ack = /^ACK (\d+)$/.exec(line);
      const started = /^START (\d+)$/.exec(line);
      if (ack) acks.push(Number(ack[1]));
      else if (started) start = Number(started[1]);
      else if (line === 'READY') readyAt = performance.now();
      else stderr += `unexpected output: ${line}\n`;
    }
    if (acks.length > 0 && killTimer === undefined) {
      clearTimeout(noAckTimer);
      firstAckMs = performance.now() - Math.max(wentAt, readyAt);
      waitedMs = Math.max(0, readyAt - wentAt);
      killTimer = setTimeout(() => child.kill('SIGKILL'), randomInt(KILL_AFTER_MS[0], KILL_AFTER_MS[1] + 1));
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.on('error', () => {}); // a writer that died early is reported by 'close' below

  // 'close' comes after the pipes are drained, so every ACK printed before the kill is in.
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(noAckTimer);
      clearTimeout(killTimer);
      resolve({ code, signal });
    });
  });

  return {
    async go() {
      wentAt = performance.now();
      noAckTimer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.stdin.write('go\n');
      const { code, signal } = await closed;
      if (signal !== 'SIGKILL' || acks.length === 0) {
        throw new Error(
          `The writer stopped without acknowledging (code ${code}, signal ${signal}):\n${stderr}`,
        );
      }
      if (stderr) throw new Error(`The writer reported problems:\n${stderr}`);
      return { start, acks, firstAckMs, waitedMs };
    },
    async dispose() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await closed;
    },
  };
}

/** Reopens the database as the app would after a crash, and reads back everything the writers wrote. */
function reopenAndCheck(path: string, key: Buffer): { integrity: unknown; counter: number; rows: number } {
  const db = openVaultDatabase(path, key);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    const counterRow = db
      .prepare<[string], { value: string }>('SELECT value FROM vault_settings WHERE key = ?')
      .get(CRASH_SEQ_KEY);
    const counter = Number(counterRow?.value ?? '0');
    const halves = new Map<number, string>();
    const whats = db.prepare('SELECT what FROM stress_entries').pluck().all() as string[];
    for (const what of whats) {
      const match = CRASH_WHAT.exec(what);
      if (!match) throw new Error(`An entry no writer wrote: ${JSON.stringify(what)}`);
      const seq = Number(match[1]);
      const seen = halves.get(seq) ?? '';
      if (seen.includes(match[2] as string)) throw new Error(`Transaction ${seq} was applied twice.`);
      halves.set(seq, seen + match[2]);
    }
    // All or nothing: transactions 1..counter each have both entries, and nothing lies beyond.
    for (let seq = 1; seq <= counter; seq += 1) {
      const seen = halves.get(seq);
      if (seen?.length !== 2) {
        throw new Error(
          `Transaction ${seq} (counter ${counter}) is half applied or lost: entries ${seen ?? 'none'}.`,
        );
      }
    }
    if (halves.size !== counter) {
      const beyond = [...halves.keys()].filter((seq) => seq > counter).slice(0, 5);
      throw new Error(
        `Entries without their counter (counter ${counter}): transactions ${beyond.join(', ')}.`,
      );
    }
    return { integrity, counter, rows: whats.length };
  } finally {
    db.close();
  }
}

describe('encrypted vault killed mid-write', () => {
  const dir = tempDir('stillroom-crash-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`keeps every acknowledged write and no half transaction over ${ROUNDS} SIGKILLs`, async () => {
    const path = join(dir, 'vault.db');
    const key = randomBytes(32);
    const began = performance.now();
    let counter = 0;
    let acknowledged = 0;
    let unacknowledgedCommits = 0;
    let firstAckMs = 0;
    let checkMs = 0;
    let waitedMs = 0;

    const waiting = Array.from({ length: WRITERS_AHEAD }, () => startWriter(path, key));
    try {
      for (let round = 1; round <= ROUNDS; round += 1) {
        const running = (waiting.shift() as Writer).go();
        // Successors load their modules meanwhile, and wait for go().
        waiting.push(startWriter(path, key));
        const run = await running;
        // The writer carried on from exactly what the last check saw.
        expect(run.start, `round ${round}: counter the writer started from`).toBe(counter);
        expect(run.acks, `round ${round}: ACKs in order`).toEqual(run.acks.map((_, i) => counter + 1 + i));
        const lastAck = run.acks[run.acks.length - 1] as number;
        acknowledged += run.acks.length;
        firstAckMs += run.firstAckMs;
        waitedMs += run.waitedMs;

        const checking = performance.now();
        const checked = reopenAndCheck(path, key);
        checkMs += performance.now() - checking;
        expect(checked.integrity, `round ${round}: integrity_check`).toBe('ok');
        // 1..counter are all complete (checked above), so every ACK up to lastAck is there.
        expect(checked.counter, `round ${round}: last ACK ${lastAck}`).toBeGreaterThanOrEqual(lastAck);
        // A commit can land without its ACK (killed between the two), but only the one in flight.
        expect(checked.counter - lastAck, `round ${round}: commits after the last ACK`).toBeLessThanOrEqual(
          1,
        );
        expect(checked.rows).toBe(checked.counter * 2);
        unacknowledgedCommits += checked.counter - lastAck;
        counter = checked.counter;
      }
    } finally {
      await Promise.all(waiting.map((writer) => writer.dispose()));
    }

    console.log(
      `vault crash test: ${ROUNDS} SIGKILL rounds, ${acknowledged} acknowledged transactions ` +
        `(${acknowledged * 3} rows), all present; ${unacknowledgedCommits} more committed but killed ` +
        `before their ACK; ${counter} transactions in the database. ` +
        `${((performance.now() - began) / 1000).toFixed(1)} s in all; per round on average ` +
        `${(waitedMs / ROUNDS).toFixed(0)} ms waiting for the writer to load, ` +
        `${(firstAckMs / ROUNDS).toFixed(0)} ms from open to first ACK, ` +
        `${(checkMs / ROUNDS).toFixed(0)} ms to reopen and check.`,
    );
  }, 180_000);
});
