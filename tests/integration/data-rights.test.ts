import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  CallInput,
  CallName,
  CallOutput,
  OpenFileKind,
  Result,
  SaveFileKind,
} from '../../src-main/contract';
import { createAppServices } from '../../src-main/infra/app-services';
import { createConfSettingsStore } from '../../src-main/infra/conf-settings-store';
import type { DialogOptions } from '../../src-main/infra/files/file-registry';
import { defaultSaveFolder, isInside } from '../../src-main/infra/files/file-locations';
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
 * Files go through the real file port with the OS save and open dialogs faked (the OS owns them).
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
  // The person's Documents, where the save dialog starts.
  const outside = join(root, 'Documents');
  mkdirSync(dataDir);
  mkdirSync(outside);
  const clock = fakeClock(Date.now());
  let answer: string | undefined;
  const asked: DialogOptions[] = [];
  const services = createAppServices({
    fileDialogs: {
      showOpen: async (options) => (asked.push(options), answer),
      showSave: async (options) => (asked.push(options), answer),
      showInFolder: () => {},
    },
    userFolders: { documents: outside, home: root },
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
  /** The person picks `path` in the save dialog: the target id, or the call's refusal. */
  async function chooseSave(kind: SaveFileKind, path: string) {
    answer = path;
    return call('files.chooseSave', { kind });
  }
  async function saveTo(kind: SaveFileKind, path: string): Promise<string> {
    const chosen = await chooseSave(kind, path);
    if (!chosen.ok || chosen.value.status !== 'chosen') throw new Error(`no ${kind} target at ${path}`);
    return chosen.value.target.id;
  }
  async function openFrom(kind: OpenFileKind, path: string): Promise<string> {
    answer = path;
    const chosen = await value('files.chooseOpen', { kind });
    if (chosen.status !== 'chosen') throw new Error(`nothing opened at ${path}`);
    return chosen.file.id;
  }
  return { root, dataDir, outside, services, call, value, asked, chooseSave, saveTo, openFrom };
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
  await value('drafts.save', { key: 'diary.quick', fields: { what: `Draft ${MARKER}`, stress: '6' } });
}

describe('export everything', { timeout: 120_000 }, () => {
  it('writes one age file that Debian’s age opens, whose data.json matches the documented schema', async () => {
    const app = start();
    await fillEverything(app);
    // Closing the dialog the first time is a cancel; it showed where it would save.
    const closed = await app.value('files.chooseSave', { kind: 'full-export' });
    expect(closed.status).toBe('cancelled');
    // The save dialog starts in Documents, with a name that says nothing about the person.
    const offered = app.asked.at(-1)?.defaultPath ?? '';
    expect(offered.startsWith(join(app.outside, 'stillroom-everything-'))).toBe(true);
    expect(offered).toMatch(/stillroom-everything-[\d-]+\.age$/);
    const target = await app.saveTo('full-export', offered);
    const done = await app.value('data.exportAll', { passphrase: EXPORT_PASSPHRASE, target });
    expect(done.file.folder).toBe(app.outside);
    const path = join(app.outside, done.file.name);
    expect(path).toBe(offered);
    const sealed = readFileSync(path);
    expect(sealed.length).toBe(done.file.bytes);
    expect(sealed.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    expect(sealed.includes(Buffer.from('Zebra-lantern'))).toBe(false);
    // The work factor of the coach share: 18, as the age CLI itself writes.
    expect(sealed.toString('latin1')).toMatch(/-> scrypt \S+ 18\n/);

    const zip = join(app.root, 'opened.zip');
    ageDecryptWithPassphrase(path, zip, EXPORT_PASSPHRASE);
    expect(zipListing(zip).sort()).toEqual(['data.json', 'report.html']);
    const data = JSON.parse(unzipText(zip, 'data.json')) as Record<string, unknown>;
    const verdict = validateAgainstDocs(DOC_SCHEMA, data);
    expect(verdict.errors).toEqual([]);
    expect(verdict.valid).toBe(true);

    const text = JSON.stringify(data);
    for (const part of ['Diary', 'Thought', 'Safety', 'Course', 'Room', 'Parked', 'Reminder', 'Draft']) {
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

  it('refuses a place inside the data folder, and a wrong schema check fails', async () => {
    const app = start();
    await fillEverything(app);
    const inside = join(app.dataDir, 'mine');
    mkdirSync(inside);
    const refused = await app.chooseSave('full-export', join(inside, 'everything.age'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(listFiles(inside)).toEqual([]);
    // The schema check has teeth: a field of the wrong type is caught.
    expect(validateAgainstDocs(DOC_SCHEMA, { format: 'stillroom-full-export', version: 1 }).valid).toBe(
      false,
    );
  });

  it('takes only a target chosen for a full export', async () => {
    const app = start();
    await fillEverything(app);
    const backupTarget = await app.saveTo('backup', join(app.outside, 'not-for-this.stillroom-backup'));
    const refused = await app.call('data.exportAll', { passphrase: EXPORT_PASSPHRASE, target: backupTarget });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(listFiles(app.outside)).toEqual([]);
  });

  it('never defaults into the data folder', () => {
    const root = tempDir('stillroom-home-');
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const documents = join(root, 'Documents');
    const folders = { documents, home: root };
    expect(defaultSaveFolder({ ...folders, dataDir: join(root, '.config', 'Stillroom') })).toBe(documents);
    // A data folder that is the Documents folder itself (portable use): the home folder instead.
    expect(defaultSaveFolder({ ...folders, dataDir: documents })).toBe(root);
    expect(isInside(join(documents, 'x'), documents)).toBe(true);
  });

  it('is refused while locked', async () => {
    const app = start();
    await fillEverything(app);
    const target = await app.saveTo('full-export', join(app.outside, 'everything.age'));
    await app.value('vault.lock', {});
    const refused = await app.call('data.exportAll', { passphrase: EXPORT_PASSPHRASE, target });
    expect(refused).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(listFiles(app.outside)).toEqual([]);
  });
});

describe('erase everything', { timeout: 120_000 }, () => {
  async function withCopies(app: App): Promise<void> {
    await fillEverything(app);
    // A backup, and a restore of it over the vault, which keeps the old vault as a safety copy.
    const backupPath = join(app.outside, 'mine.stillroom-backup');
    await app.value('vault.backup', {
      passphrase: PASSPHRASE,
      target: await app.saveTo('backup', backupPath),
    });
    await app.value('vault.restore', {
      file: await app.openFrom('backup', backupPath),
      passphrase: PASSPHRASE,
      replaceExisting: true,
    });
    const sharePath = join(app.outside, 'for-sam.age');
    await app.value('share.export', {
      exportId: '4b1d2c3e-5f60-4718-8a9b-0c1d2e3f4a5b',
      selection: { note: `Share ${MARKER}` },
      protection: { kind: 'passphrase', passphrase: EXPORT_PASSPHRASE },
      recipientLabel: 'Sam',
      target: await app.saveTo('share', sharePath),
    });
    // An install from before the save dialog kept backups in backups/ and coach files in exports/
    // inside the data folder by default; erase still takes those.
    mkdirSync(join(app.dataDir, 'backups'));
    copyFileSync(backupPath, join(app.dataDir, 'backups', 'stillroom-old.stillroom-backup'));
    mkdirSync(join(app.dataDir, 'exports'));
    copyFileSync(sharePath, join(app.dataDir, 'exports', 'stillroom-share-old.age'));
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
    expect(await app.value('drafts.get', { key: 'diary.quick' })).toEqual({ draft: null });
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
