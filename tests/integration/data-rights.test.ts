import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput, Result } from '../../src-main/contract';
import { createAppServices } from '../../src-main/infra/app-services';
import { createConfSettingsStore } from '../../src-main/infra/conf-settings-store';
import { defaultExportFolder, isInside } from '../../src-main/infra/data-rights/export-delivery';
import { ageDecryptWithPassphrase, unzipText, zipListing } from '../helpers/age-cli';
import { validateAgainstDocs } from '../helpers/full-export-schema';
import { tempDir } from '../helpers/host-harness';
import { projectRoot } from '../helpers/layering';
import { fakeClock, TEST_SCRYPT } from '../helpers/vault-harness';
import { findMarker, listFiles } from '../helpers/vault-files';

/*
 * Issue 18, data rights, on the real encrypted vault through the production wiring
 * (createAppServices, the conf settings file, the reminder runner's locked times): the full
 * export is opened by Debian's `age` and its data.json matches docs/full-export.schema.json;
 * erase everything leaves the data folder with nothing of the person and Stillroom new again.
 */

const PASSPHRASE = 'a calm and long passphrase';
const EXPORT_PASSPHRASE = 'export passphrase for my own copy';
const MARKER = 'Zebra-lantern-4417 note';
const DOC_SCHEMA = JSON.parse(
  readFileSync(join(projectRoot, 'docs', 'full-export.schema.json'), 'utf8'),
) as object;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function start() {
  const root = tempDir('stillroom-rights-');
  const dataDir = join(root, 'data');
  const outside = join(root, 'exports');
  mkdirSync(dataDir);
  mkdirSync(outside);
  const clock = fakeClock(Date.now());
  const services = createAppServices({
    dataDir,
    contentDir: join(projectRoot, 'content'),
    info: () => ({ name: 'Stillroom', version: '9.9.9', host: 'browser', platform: 'linux', dataDir }),
    settingsStore: createConfSettingsStore(dataDir),
    emit: () => {},
    env: { STILLROOM_POLICY: join(root, 'no-policy.json') },
    vaultOverrides: { scrypt: TEST_SCRYPT, clock },
    reminders: { notifier: { notify: async () => ({ delivered: true }) } },
  });
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  cleanups.push(() => services.close());
  async function call<C extends CallName>(name: C, input: CallInput<C>): Promise<Result<CallOutput<C>>> {
    return (await services.dispatch(name, input)) as Result<CallOutput<C>>;
  }
  async function value<C extends CallName>(name: C, input: CallInput<C>): Promise<CallOutput<C>> {
    const result = await call(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
    return result.value;
  }
  return { root, dataDir, outside, services, call, value };
}

type App = ReturnType<typeof start>;

/** Something of every kind the vault keeps, each carrying the marker where the user types words. */
async function fillEverything(app: App): Promise<void> {
  const { value } = app;
  await value('vault.create', { passphrase: PASSPHRASE });
  await value('settings.update', { theme: 'dark' });
  await value('diary.save', { occurredAt: new Date().toISOString(), stress: 7, what: `Diary ${MARKER}` });
  await value('thoughts.save', {
    status: 'draft',
    occurredAt: new Date().toISOString(),
    situation: `Thought ${MARKER}`,
  });
  await value('measures.submit', { measureId: 'phq-4', answers: { q1: 1, q2: 0, q3: 2, q4: 1 } });
  await value('safety.savePlan', { warningSigns: `Safety ${MARKER}` });
  await value('course.saveAnswers', {
    moduleId: 'm1',
    stepId: 'stress-signature',
    answers: { 'first-sign': `Course ${MARKER}` },
  });
  const room = await value('rooms.start', { plannedMinutes: 5 });
  await value('rooms.update', { id: room.id, intention: `Room ${MARKER}`, parked: [`Parked ${MARKER}`] });
  await value('reminders.saveRule', {
    label: `Reminder ${MARKER}`,
    target: 'room',
    frequency: { kind: 'weekdays' },
    time: '09:30',
    enabled: true,
  });
  await value('reminders.setPreferences', { remindWhileLocked: true });
  await app.services.checkReminders();
  await value('library.bookmark', { id: 'stress-and-the-body', on: true }).catch(() => undefined);
}

describe('export everything', { timeout: 120_000 }, () => {
  it('writes one age file that Debian’s age opens, whose data.json matches the documented schema', async () => {
    const app = start();
    await fillEverything(app);
    const done = await app.value('data.exportAll', { passphrase: EXPORT_PASSPHRASE, folder: app.outside });
    expect(done.path.startsWith(app.outside)).toBe(true);
    expect(done.path).toMatch(/stillroom-everything-[\d-]+\.age$/);
    const sealed = readFileSync(done.path);
    expect(sealed.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    expect(sealed.includes(Buffer.from('Zebra-lantern'))).toBe(false);
    // The work factor of the coach share: 18, as the age CLI itself writes.
    expect(sealed.toString('latin1')).toMatch(/-> scrypt \S+ 18\n/);

    const zip = join(app.root, 'opened.zip');
    ageDecryptWithPassphrase(done.path, zip, EXPORT_PASSPHRASE);
    expect(zipListing(zip).sort()).toEqual(['data.json', 'report.html']);
    const data = JSON.parse(unzipText(zip, 'data.json')) as Record<string, unknown>;
    const verdict = validateAgainstDocs(DOC_SCHEMA, data);
    expect(verdict.errors).toEqual([]);
    expect(verdict.valid).toBe(true);

    const text = JSON.stringify(data);
    for (const part of ['Diary', 'Thought', 'Safety', 'Course', 'Room', 'Parked', 'Reminder']) {
      expect(text, part).toContain(`${part} ${MARKER}`);
    }
    expect(data).toMatchObject({
      format: 'stillroom-full-export',
      version: 1,
      settings: { theme: 'dark' },
      checkins: { results: [{ measureId: 'phq-4', answers: { q1: 1, q2: 0, q3: 2, q4: 1 } }] },
    });
    const report = unzipText(zip, 'report.html');
    expect(report).toContain('<h1>Everything from Stillroom</h1>');
    expect(report).toContain(`Diary ${MARKER}`);
  });

  it('refuses a folder inside the data folder, and a wrong schema check fails', async () => {
    const app = start();
    await fillEverything(app);
    const inside = join(app.dataDir, 'mine');
    mkdirSync(inside);
    const refused = await app.call('data.exportAll', { passphrase: EXPORT_PASSPHRASE, folder: inside });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(listFiles(inside)).toEqual([]);
    // The schema check has teeth: a field of the wrong type is caught.
    expect(validateAgainstDocs(DOC_SCHEMA, { format: 'stillroom-full-export', version: 1 }).valid).toBe(
      false,
    );
  });

  it('never defaults into the data folder', () => {
    const root = tempDir('stillroom-home-');
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(join(root, 'Documents'));
    expect(defaultExportFolder(join(root, '.config', 'Stillroom'), root)).toBe(join(root, 'Documents'));
    // A data folder that is the Documents folder itself (portable use): the home folder instead.
    expect(defaultExportFolder(join(root, 'Documents'), root)).toBe(root);
    expect(isInside(join(root, 'Documents', 'x'), join(root, 'Documents'))).toBe(true);
  });

  it('is refused while locked', async () => {
    const app = start();
    await fillEverything(app);
    await app.value('vault.lock', {});
    const refused = await app.call('data.exportAll', { passphrase: EXPORT_PASSPHRASE, folder: app.outside });
    expect(refused).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(listFiles(app.outside)).toEqual([]);
  });
});

describe('erase everything', { timeout: 120_000 }, () => {
  async function withCopies(app: App): Promise<void> {
    await fillEverything(app);
    // A backup, and a restore of it over the vault, which keeps the old vault as a safety copy.
    const backup = await app.value('vault.backup', { passphrase: PASSPHRASE });
    await app.value('vault.restore', { path: backup.path, passphrase: PASSPHRASE, replaceExisting: true });
    await app.value('share.export', {
      exportId: '4b1d2c3e-5f60-4718-8a9b-0c1d2e3f4a5b',
      selection: { note: `Share ${MARKER}` },
      protection: { kind: 'passphrase', passphrase: EXPORT_PASSPHRASE },
      recipientLabel: 'Sam',
    });
    await app.value('reminders.setPreferences', { remindWhileLocked: true });
    await app.services.checkReminders();
  }

  it('needs the typed word, and refuses anything else without touching a file', async () => {
    const app = start();
    await withCopies(app);
    const atRest = () => listFiles(app.dataDir).filter((file) => !/-(wal|shm)$/.test(file));
    const before = atRest();
    for (const confirm of ['', 'erase', 'ERASE ', 'yes']) {
      const refused = await app.call('data.eraseAll', {
        confirm: confirm as 'ERASE',
        backups: true,
        safetyCopies: true,
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(atRest()).toEqual(before);
    await app.value('vault.lock', {});
    const locked = await app.call('data.eraseAll', { confirm: 'ERASE', backups: true, safetyCopies: true });
    expect(locked).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(atRest()).toEqual(before);
  });

  it('leaves the data folder with no vault, no key, no marker, and Stillroom at first-run setup', async () => {
    const app = start();
    await withCopies(app);
    const files = listFiles(app.dataDir);
    for (const expected of ['vault.db', 'keyring.json', 'settings.json', 'reminder-times.json']) {
      expect(files).toContain(expected);
    }
    expect(files.some((file) => file.startsWith('backups/'))).toBe(true);
    expect(files.some((file) => file.startsWith('safety-copies/'))).toBe(true);
    expect(files.some((file) => file.startsWith('exports/'))).toBe(true);

    const done = await app.value('data.eraseAll', { confirm: 'ERASE', backups: true, safetyCopies: true });
    expect(done.kept).toEqual([]);
    expect(done.erased.join(' ')).toMatch(/diaries/);
    expect(listFiles(app.dataDir)).toEqual([]);
    expect(findMarker(app.dataDir, MARKER)).toEqual([]);
    expect(await app.value('vault.status', {})).toMatchObject({ state: 'new' });
    expect(await app.value('settings.get', {})).toMatchObject({ theme: 'system' });
    // The reminder runner, looking again, writes nothing back.
    await app.services.checkReminders();
    expect(listFiles(app.dataDir)).toEqual([]);
    // First-run setup works again in the same folder.
    await app.value('vault.create', { passphrase: 'a brand new passphrase' });
    expect((await app.value('diary.list', {})).total).toBe(0);
  });

  it('keeps backups and safety copies when they are not ticked, and says so', async () => {
    const app = start();
    await withCopies(app);
    const done = await app.value('data.eraseAll', { confirm: 'ERASE', backups: false, safetyCopies: false });
    expect(done.kept).toHaveLength(2);
    const left = listFiles(app.dataDir);
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((file) => file.startsWith('backups/') || file.startsWith('safety-copies/'))).toBe(true);
    expect(existsSync(join(app.dataDir, 'vault.db'))).toBe(false);
    expect(existsSync(join(app.dataDir, 'keyring.json'))).toBe(false);
  });
});
