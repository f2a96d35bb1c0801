import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StepAnswers } from '../../src-main/contract';
import { openVaultDatabase } from '../../src-main/infra/vault/database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src-main/infra/vault/migrations';
import { migration012 } from '../../src-main/infra/vault/migrations/012-course-diary';
import { createDiarySearchRepository } from '../../src-main/infra/vault/repositories/diary-search-repository';
import { createStressDiaryRepository } from '../../src-main/infra/vault/repositories/stress-diary-repository';
import { createThoughtRecordRepository } from '../../src-main/infra/vault/repositories/thought-record-repository';
import { createCourseRepository } from '../../src-main/infra/vault/repositories/course-repository';
import { VAULT_FILE } from '../../src-main/infra/vault/vault';
import { tempDir } from '../helpers/host-harness';
import { openVaultApi } from '../helpers/vault-api';
import { fakeClock } from '../helpers/vault-harness';

/** Issue 17 point 5 on the real encrypted vault: diary-shaped course steps write to the diary. */

const PASSPHRASE = 'correct horse battery';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const DIARY_ANSWERS: StepAnswers = {
  what: 'The printer jammed before the board meeting',
  stress: 7,
  body: 'tight jaw',
  thoughts: 'Everyone will be waiting for me',
};

const THOUGHT_ANSWERS: StepAnswers = {
  situation: 'My idea was turned down in the standup',
  thought: 'They think I am out of my depth',
  'belief-before': 85,
  emotions: 'embarrassed',
  'feeling-before': 70,
  traps: ['mind-reading'],
  'evidence-for': ['Nobody spoke up for the idea'],
  'evidence-against': ['My manager asked me to write it up', 'My plan was used last month'],
  'balanced-thought': 'One idea was not picked, and people have valued my ideas before',
  'belief-after': 40,
  'feeling-after': 30,
};

async function openCourse() {
  const opened = openVaultApi('stillroom-course-diary-', cleanups);
  await opened.api.value('vault.create', { passphrase: PASSPHRASE });
  return opened;
}

type CourseApi = Awaited<ReturnType<typeof openCourse>>['api'];

async function finishStep(api: CourseApi, moduleId: 'm1' | 'm3', stepId: string, answers: StepAnswers) {
  await api.value('course.openStep', { moduleId, stepId });
  await api.value('course.saveAnswers', { moduleId, stepId, answers });
  return api.value('course.completeStep', { moduleId, stepId, secondsSpent: 60 });
}

describe('diary-shaped course steps', () => {
  it('"Start your stress diary" writes a real diary entry that the Diary lists and search finds', async () => {
    const { api } = await openCourse();
    const done = await finishStep(api, 'm1', 'start-your-diary', DIARY_ANSWERS);
    const { entries } = await api.value('diary.list', { limit: 50 });
    expect(entries).toHaveLength(1);
    const entry = entries[0]!;
    expect(entry).toMatchObject({
      what: 'The printer jammed before the board meeting',
      stress: 7,
      body: 'tight jaw',
      thoughts: 'Everyone will be waiting for me',
      actions: '',
    });
    expect(done.diaryLink).toEqual({ kind: 'stress', id: entry.id, occurredAt: entry.occurredAt });
    const { results } = await api.value('diary.search', { query: 'printer', limit: 10 });
    expect(results.map((result) => result.id)).toEqual([entry.id]);

    // Finishing the same step again ("Done, carry on") updates that entry: no second copy.
    await api.value('course.saveAnswers', {
      moduleId: 'm1',
      stepId: 'start-your-diary',
      answers: { ...DIARY_ANSWERS, stress: 5 },
    });
    await api.value('course.completeStep', { moduleId: 'm1', stepId: 'start-your-diary', secondsSpent: 5 });
    const after = await api.value('diary.list', { limit: 50 });
    expect(after.entries.map((e) => [e.id, e.stress])).toEqual([[entry.id, 5]]);

    // Deleted from the diary meanwhile: finishing again writes it afresh rather than failing.
    await api.value('diary.delete', { id: entry.id });
    const again = await api.value('course.completeStep', {
      moduleId: 'm1',
      stepId: 'start-your-diary',
      secondsSpent: 5,
    });
    const fresh = await api.value('diary.list', { limit: 50 });
    expect(fresh.entries).toHaveLength(1);
    expect(again.diaryLink?.id).toBe(fresh.entries[0]!.id);
  });

  it('the thought record step writes a complete thought record, belief 85 → 40, found by search', async () => {
    const { api } = await openCourse();
    const done = await finishStep(api, 'm3', 'thought-record', THOUGHT_ANSWERS);
    expect(done.diaryLink?.kind).toBe('thought');
    const { record } = await api.value('thoughts.get', { id: done.diaryLink!.id });
    expect(record).toMatchObject({
      status: 'complete',
      situation: 'My idea was turned down in the standup',
      automaticThoughts: [{ text: 'They think I am out of my depth', belief: 85 }],
      emotions: [{ name: 'embarrassed', intensity: 70 }],
      thinkingTraps: ['mind-reading'],
      evidenceAgainst: 'My manager asked me to write it up\nMy plan was used last month',
      rerated: { belief: 40, emotions: [{ name: 'embarrassed', intensity: 30 }] },
    });
    const { results } = await api.value('diary.search', { query: 'standup', limit: 10 });
    expect(results).toMatchObject([{ kind: 'thought', id: done.diaryLink!.id }]);
  });

  it('other exercise steps stay in the course only', async () => {
    const { api } = await openCourse();
    const done = await finishStep(api, 'm1', 'stress-signature', {
      body: ['headaches'],
      thoughts: ['Replaying the meeting'],
      behaviour: ['Skipping lunch'],
      'first-sign': 'My shoulders creep up',
    });
    expect(done.diaryLink).toBeNull();
    expect((await api.value('diary.list', { limit: 50 })).total).toBe(0);
    expect((await api.value('thoughts.list', { limit: 50 })).total).toBe(0);
  });
});

describe('migration 12 on a vault from before', () => {
  it('turns finished diary-shaped answers into diary entries and thought records, once', () => {
    const dir = tempDir('stillroom-migrate-12-');
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, VAULT_FILE);
    const key = randomBytes(32);
    // A vault as the version before wrote it: encrypted, every earlier migration, course answers.
    const old = new Database(path);
    old.pragma(`cipher = 'chacha20'`);
    old.pragma(`key = "x'${key.toString('hex')}'"`);
    const before = MIGRATIONS.filter((migration) => migration.version < 12);
    old.transaction(() => {
      for (const migration of before) migration.up(old);
      old.pragma(`user_version = ${before.at(-1)!.version}`);
    })();
    const at = '2026-11-20T09:30:00.000Z';
    old
      .prepare('INSERT INTO course_attempts (module_id, attempt, started_at) VALUES (?, ?, ?)')
      .run('m1', 1, at);
    old
      .prepare('INSERT INTO course_attempts (module_id, attempt, started_at) VALUES (?, ?, ?)')
      .run('m3', 1, at);
    const step = old.prepare(
      `INSERT INTO course_steps (module_id, attempt, step_id, started_at, completed_at, answers, answers_updated_at)
       VALUES (?, 1, ?, ?, ?, ?, ?)`,
    );
    step.run('m1', 'start-your-diary', at, at, JSON.stringify(DIARY_ANSWERS), at);
    step.run('m3', 'thought-record', at, at, JSON.stringify(THOUGHT_ANSWERS), at);
    // Not finished: stays a course answer until the step is finished.
    step.run('m3', 'pocket-version', at, null, JSON.stringify({ thought: 'unfinished' }), at);
    old.close();

    const db = openVaultDatabase(path, key);
    cleanups.push(() => db.close());
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);

    const clock = fakeClock();
    const diary = createStressDiaryRepository(db, clock);
    const thoughts = createThoughtRecordRepository(db, clock);
    const search = createDiarySearchRepository(db);
    const course = createCourseRepository(db, clock);
    const { entries } = diary.list({ limit: 50 });
    expect(entries).toMatchObject([
      { what: 'The printer jammed before the board meeting', stress: 7, occurredAt: at },
    ]);
    const { records } = thoughts.list({ limit: 50 });
    expect(records).toMatchObject([
      { status: 'complete', rerated: { belief: 40 }, automaticThoughts: [{ belief: 85 }] },
    ]);
    expect(search.search({ query: 'printer', limit: 10 }).map((r) => r.id)).toEqual([entries[0]!.id]);
    expect(search.search({ query: 'standup', limit: 10 }).map((r) => r.id)).toEqual([records[0]!.id]);
    const links = course.steps().map((s) => [s.stepId, s.diaryLink?.id ?? null]);
    expect(links).toEqual(
      expect.arrayContaining([
        ['start-your-diary', entries[0]!.id],
        ['thought-record', records[0]!.id],
        ['pocket-version', null],
      ]),
    );

    // Idempotent: running it again adds nothing.
    db.transaction(() => migration012.up(db))();
    expect(diary.list({ limit: 50 }).total).toBe(1);
    expect(thoughts.list({ limit: 50 }).total).toBe(1);
  });
});
