import { randomInt, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  shareDataSchema,
  type CallInput,
  type EventPayload,
  type PolicyState,
} from '../../src-main/contract';
import { createAgeShareFileStore } from '../../src-main/infra/share/age-share-file';
import {
  ageDecryptWithIdentity,
  ageDecryptWithPassphrase,
  ageKeygen,
  unzipText,
  zipListing,
} from '../helpers/age-cli';
import { tempDir } from '../helpers/host-harness';
import { createVaultApi, diaryEntry } from '../helpers/vault-api';
import { createTestVault, fakeClock } from '../helpers/vault-harness';

/*
 * Sharing end to end on a real encrypted vault with real age encryption at the real work factor
 * (18), opened again by Debian's `age` CLI and by the coach view.
 */

const PASSPHRASE = 'correct horse battery';
const SHARE_PASSPHRASE = 'maple-otter-lantern-pebble-cactus-violet';
const HOSTILE = `</style><script>alert("x")</script><img src=x onerror=alert(1)> "quotes" 'single' & </textarea>`;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function openApi(policy?: PolicyState) {
  const dataDir = tempDir('stillroom-share-');
  // Where the person saves exports: outside the data folder, as the dialogs insist.
  const exportsDir = tempDir('stillroom-share-exports-');
  cleanups.push(() => rmSync(exportsDir, { recursive: true, force: true }));
  const vault = createTestVault(dataDir, { clock: fakeClock() });
  const progress: EventPayload<'share.progress'>[] = [];
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  cleanups.push(() => vault.close());
  const api = createVaultApi(vault, undefined, {
    ...(policy ? { policy } : {}),
    share: {
      files: createAgeShareFileStore(),
      randomInt: (max) => randomInt(max),
      onProgress: (event) => progress.push(event),
    },
  });
  afterEach(() => expect(api.internalErrors).toEqual([]));
  /** The person chooses a new file in the exports folder. */
  const target = () => api.files.save('share', join(exportsDir, `share-${randomUUID()}.age`));
  return { ...api, dataDir, exportsDir, progress, target };
}

type Api = ReturnType<typeof openApi>;

/** A vault with five diary entries, two thought records and three check-ins, each with a marker. */
async function filledVault() {
  const api = openApi();
  await api.value('vault.create', { passphrase: PASSPHRASE });
  const diary = [];
  for (let n = 1; n <= 5; n += 1) {
    diary.push(
      await api.value('diary.save', diaryEntry(n, { what: `DIARY-MARKER-${n} ${n === 2 ? HOSTILE : ''}` })),
    );
  }
  const thoughts = [];
  for (let n = 1; n <= 2; n += 1) {
    thoughts.push(
      await api.value('thoughts.save', {
        status: 'draft',
        situation: `THOUGHT-MARKER-${n}`,
        automaticThoughts: [{ text: `They think I am slow ${n}`, belief: 70 }],
        thinkingTraps: ['mind-reading'],
      }),
    );
  }
  const checkins = [];
  for (const answers of [
    { q1: 0, q2: 1, q3: 2, q4: 3 },
    { q1: 3, q2: 3, q3: 3, q4: 3 },
    { q1: 1, q2: 1, q3: 0, q4: 0 },
  ]) {
    const result = await api.value('measures.submit', { measureId: 'phq-4', answers });
    if (result.status !== 'scored') throw new Error('not scored');
    checkins.push(result);
  }
  return { api, diary, thoughts, checkins };
}

function selection(filled: Awaited<ReturnType<typeof filledVault>>): CallInput<'share.export'>['selection'] {
  return {
    diaryEntryIds: [filled.diary[1]!.id, filled.diary[3]!.id],
    thoughtRecordIds: [filled.thoughts[0]!.id],
    checkinResultIds: [filled.checkins[2]!.id],
    trendMeasureIds: ['phq-4'],
    note: `NOTE-MARKER ${HOSTILE}`,
    supportPreference: 'coach-checks-in',
  };
}

async function exportFile(
  api: Api,
  input: Partial<CallInput<'share.export'>> & Pick<CallInput<'share.export'>, 'selection'>,
) {
  const result = await api.value('share.export', {
    exportId: randomUUID(),
    protection: { kind: 'passphrase', passphrase: SHARE_PASSPHRASE },
    recipientLabel: 'Sam, my coach',
    target: await api.target(),
    ...input,
  });
  if (result.status !== 'done') throw new Error('export did not finish');
  return { ...result, path: api.files.pathOf(result.file) };
}

/** What both files in the zip say, read with the `unzip` CLI. */
function contents(zip: string) {
  expect(zipListing(zip).sort()).toEqual(['data.json', 'report.html']);
  return {
    report: unzipText(zip, 'report.html'),
    data: shareDataSchema.parse(JSON.parse(unzipText(zip, 'data.json'))),
  };
}

function expectExactlyChosen(report: string, dataJson: string) {
  for (const chosen of ['DIARY-MARKER-2', 'DIARY-MARKER-4', 'THOUGHT-MARKER-1', 'NOTE-MARKER']) {
    expect(report).toContain(chosen);
    expect(dataJson).toContain(chosen);
  }
  for (const unchosen of ['DIARY-MARKER-1', 'DIARY-MARKER-3', 'DIARY-MARKER-5', 'THOUGHT-MARKER-2']) {
    expect(report).not.toContain(unchosen);
    expect(dataJson).not.toContain(unchosen);
  }
}

describe('share export', () => {
  it('writes a file the age CLI opens with the passphrase, holding exactly the chosen items', async () => {
    const filled = await filledVault();
    const { api } = filled;
    const result = await exportFile(api, { selection: selection(filled) });
    expect(result.path.startsWith(api.exportsDir)).toBe(true);
    expect(readFileSync(result.path).subarray(0, 22).toString()).toBe('age-encryption.org/v1\n');
    expect(readFileSync(result.path).toString('latin1')).toMatch(/\n-> scrypt \S{22} 18\n/);

    const zip = join(api.dataDir, 'opened.zip');
    ageDecryptWithPassphrase(result.path, zip, SHARE_PASSPHRASE);
    const { report, data } = contents(zip);
    expectExactlyChosen(report, JSON.stringify(data));
    expect(data.diary.map((entry) => entry.id)).toEqual([filled.diary[1]!.id, filled.diary[3]!.id]);
    expect(data.checkins.map((checkin) => checkin.id)).toEqual([filled.checkins[2]!.id]);
    expect(data.trends[0]?.points).toHaveLength(3);
    expect(data.supportPreference).toBe('coach-checks-in');
    // The user's hostile text is data, never markup: no script element, no live handler.
    expect(report).not.toMatch(/<script/i);
    expect(report).not.toContain('</style><script>');
    expect(report).toContain('&lt;/style&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(report).toContain('<svg');

    const stages = api.progress.map((event) => event.stage);
    expect(stages[0]).toBe('preparing');
    expect(stages).toContain('protecting');
    expect(stages.at(-1)).toBe('done');
  });

  it('encrypts to a coach’s age key instead of a passphrase', async () => {
    const filled = await filledVault();
    const { api } = filled;
    const identityFile = join(api.dataDir, 'coach.key');
    const coach = ageKeygen(identityFile);
    const result = await exportFile(api, {
      selection: selection(filled),
      protection: { kind: 'recipient', recipient: coach.publicKey },
    });
    const zip = join(api.dataDir, 'opened.zip');
    ageDecryptWithIdentity(result.path, zip, identityFile);
    const { report, data } = contents(zip);
    expectExactlyChosen(report, JSON.stringify(data));

    const opened = await api.value('share.open', {
      file: await api.files.open('share', result.path),
      secret: { kind: 'identity', identity: coach.secretKey },
    });
    expect(opened.data).toEqual(data);
  });

  it('records what was shared, for whom and how, never the passphrase; the history can be cleared', async () => {
    const filled = await filledVault();
    const { api } = filled;
    const result = await exportFile(api, {
      selection: selection(filled),
      recipientLabel: 'Sam at Wellbeing',
    });
    const { entries } = await api.value('share.history', {});
    expect(entries).toEqual([result.entry]);
    expect(entries[0]).toMatchObject({
      recipientLabel: 'Sam at Wellbeing',
      method: 'passphrase',
      counts: {
        diaryEntries: 2,
        thoughtRecords: 1,
        checkins: 1,
        trends: 1,
        note: true,
        supportPreference: true,
      },
    });
    expect(JSON.stringify(entries)).not.toContain(SHARE_PASSPHRASE);
    expect((await api.value('share.clearHistory', {})).entries).toEqual([]);
    expect((await api.value('share.history', {})).entries).toEqual([]);
  });

  it('leaves no file and no history when cancelled', async () => {
    const filled = await filledVault();
    const { api } = filled;
    const exportId = randomUUID();
    const pending = api.value('share.export', {
      exportId,
      selection: selection(filled),
      protection: { kind: 'passphrase', passphrase: SHARE_PASSPHRASE },
      recipientLabel: 'Sam',
      target: await api.target(),
    });
    // Cancel while the key is being derived (scrypt runs off the main thread, so this is heard).
    await vi.waitFor(() => expect(api.progress.some((event) => event.stage === 'protecting')).toBe(true));
    expect(await api.value('share.cancel', { exportId })).toEqual({ cancelled: true });
    expect(await pending).toEqual({ status: 'cancelled' });
    expect(readdirSync(api.exportsDir)).toEqual([]);
    expect((await api.value('share.history', {})).entries).toEqual([]);
    expect(api.progress.at(-1)?.stage).toBe('cancelled');
    expect(await api.value('share.cancel', { exportId })).toEqual({ cancelled: false });
  });

  it('still finishes, unrecorded, when Stillroom locks while the file is being protected', async () => {
    const filled = await filledVault();
    const { api } = filled;
    const pending = api.value('share.export', {
      exportId: randomUUID(),
      selection: selection(filled),
      protection: { kind: 'passphrase', passphrase: SHARE_PASSPHRASE },
      recipientLabel: 'Sam',
      target: await api.target(),
    });
    await vi.waitFor(() => expect(api.progress.some((event) => event.stage === 'protecting')).toBe(true));
    api.vault.lock('screen');
    const done = await pending;
    if (done.status !== 'done') throw new Error('export did not finish');
    expect(done.entry).toBeNull();
    const path = api.files.pathOf(done.file);
    expect(readdirSync(api.exportsDir)).toEqual([basename(path)]);
    const zip = join(api.dataDir, 'opened.zip');
    ageDecryptWithPassphrase(path, zip, SHARE_PASSPHRASE);
    const { report, data } = contents(zip);
    expectExactlyChosen(report, JSON.stringify(data));
  });

  it('writes exactly where the person chose, once, with the extension, and never into the data folder', async () => {
    const filled = await filledVault();
    const { api } = filled;
    const chosen = join(api.exportsDir, 'for-sam');
    const result = await exportFile(api, {
      selection: selection(filled),
      target: await api.files.save('share', chosen),
    });
    expect(result.path).toBe(`${chosen}.age`);
    expect(readdirSync(api.exportsDir)).toEqual(['for-sam.age']);
    expect(result.file).toMatchObject({ name: 'for-sam.age', folder: api.exportsDir });
    // The save dialog opened in the person's documents, with a dated name and the .age filter.
    expect(api.files.asked.at(-1)).toMatchObject({
      defaultPath: join(api.files.documents, 'suggested'),
      filters: [{ extensions: ['age'] }],
    });

    // A target takes one file: the person chose that place for that export.
    const again = await api.error('share.export', {
      exportId: randomUUID(),
      selection: selection(filled),
      protection: { kind: 'passphrase', passphrase: SHARE_PASSPHRASE },
      recipientLabel: 'Sam',
      target: result.file.id,
    });
    expect(again.code).toBe('conflict');
    // A target for another kind of file, or one never chosen, is refused before any work.
    const backupTarget = await api.files.save('backup');
    for (const target of [backupTarget, randomUUID()]) {
      const refused = await api.error('share.export', {
        exportId: randomUUID(),
        selection: selection(filled),
        protection: { kind: 'passphrase', passphrase: SHARE_PASSPHRASE },
        recipientLabel: 'Sam',
        target,
      });
      expect(refused).toMatchObject({
        code: 'not_found',
        message: expect.stringContaining('Choose the place again'),
      });
    }
    // Inside the data folder, where a restore moves files aside: refused, nothing written.
    await expect(api.files.save('share', join(api.files.dataDir, 'x.age'))).rejects.toThrow();
    expect(readdirSync(api.exportsDir)).toEqual(['for-sam.age']);
  });

  it('refuses an empty selection, a chosen item that is gone, and a weak passphrase', async () => {
    const filled = await filledVault();
    const { api } = filled;
    const base = {
      exportId: randomUUID(),
      protection: { kind: 'passphrase' as const, passphrase: SHARE_PASSPHRASE },
      recipientLabel: 'Sam',
      target: await api.target(),
    };
    expect(await api.error('share.export', { ...base, selection: {} })).toMatchObject({
      code: 'invalid_input',
    });
    await api.value('diary.delete', { id: filled.diary[1]!.id });
    expect(await api.error('share.export', { ...base, selection: selection(filled) })).toMatchObject({
      code: 'not_found',
    });
    expect(
      await api.error('share.export', {
        ...base,
        selection: { note: 'hi' },
        protection: { kind: 'passphrase', passphrase: 'short' },
      }),
    ).toMatchObject({ code: 'invalid_input' });
    expect(readdirSync(api.exportsDir)).toEqual([]);
  });

  it('lists what can be chosen, and nothing while locked', async () => {
    const filled = await filledVault();
    const { api } = filled;
    const sources = await api.value('share.sources', {});
    expect(sources.diary.map((item) => item.id).sort()).toEqual(filled.diary.map((entry) => entry.id).sort());
    expect(sources.thoughts).toHaveLength(2);
    expect(sources.checkins).toHaveLength(3);
    expect(sources.trends).toEqual([{ measureId: 'phq-4', name: expect.any(String), results: 3 }]);
    expect(sources.course).toEqual({ modules: [], answers: [] });
    expect(sources.coach).toBeNull();
    await api.value('vault.lock', {});
    expect((await api.error('share.sources', {})).code).toBe('locked');
  });
});

describe('IT policy', () => {
  const policy = (exportAllowed: boolean): PolicyState => ({
    state: 'ok',
    path: '/etc/stillroom/policy.json',
    policy: {
      format: 1,
      organisation: { name: 'Acme' },
      coach: {
        name: 'Sam Okafor',
        email: 'sam@acme.example',
        phone: '+44 20 7946 0000',
        note: 'Mondays and Thursdays',
      },
      enforced: { exportAllowed },
    },
  });

  it('names the organisation’s coach in the share flow', async () => {
    const api = openApi(policy(true));
    await api.value('vault.create', { passphrase: PASSPHRASE });
    const sources = await api.value('share.sources', {});
    expect(sources.coach).toEqual({
      name: 'Sam Okafor',
      email: 'sam@acme.example',
      phone: '+44 20 7946 0000',
      note: 'Mondays and Thursdays',
    });
    expect(sources.exportAllowed).toBe(true);
  });

  it('refuses to export when the policy turns exports off, and writes nothing', async () => {
    const api = openApi(policy(false));
    await api.value('vault.create', { passphrase: PASSPHRASE });
    expect((await api.value('share.sources', {})).exportAllowed).toBe(false);
    const error = await api.error('share.export', {
      exportId: randomUUID(),
      selection: { note: 'hello' },
      protection: { kind: 'passphrase', passphrase: SHARE_PASSPHRASE },
      recipientLabel: 'Sam',
      target: await api.target(),
    });
    expect(error).toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('turned off exports'),
    });
    expect(readdirSync(api.exportsDir)).toEqual([]);
  });
});

describe('coach view', () => {
  async function exported() {
    const filled = await filledVault();
    const result = await exportFile(filled.api, { selection: selection(filled) });
    return { ...filled, file: result.path };
  }

  it('opens the file with the passphrase and stores nothing of it', async () => {
    const { api, file } = await exported();
    const before = await api.value('share.history', {});
    const opened = await api.value('share.open', {
      file: await api.files.open('share', file),
      secret: { kind: 'passphrase', passphrase: SHARE_PASSPHRASE },
    });
    expectExactlyChosen(
      'DIARY-MARKER-2 DIARY-MARKER-4 THOUGHT-MARKER-1 NOTE-MARKER',
      JSON.stringify(opened.data),
    );
    expect(await api.value('share.history', {})).toEqual(before);
    expect((await api.value('diary.list', { limit: 200 })).total).toBe(5);
  });

  it('rejects a wrong passphrase', async () => {
    const { api, file } = await exported();
    const error = await api.error('share.open', {
      file: await api.files.open('share', file),
      secret: { kind: 'passphrase', passphrase: 'maple-otter-wrong' },
    });
    expect(error).toMatchObject({
      code: 'wrong_secret',
      message: expect.stringContaining('passphrase does not open'),
    });
  });

  it('rejects a file with one byte flipped', async () => {
    const { api, file } = await exported();
    const bytes = readFileSync(file);
    bytes[bytes.length - 40]! ^= 0x01;
    writeFileSync(file, bytes);
    const error = await api.error('share.open', {
      file: await api.files.open('share', file),
      secret: { kind: 'passphrase', passphrase: SHARE_PASSPHRASE },
    });
    expect(error).toMatchObject({ code: 'tampered', message: expect.stringContaining('damaged') });
  });

  it('rejects a truncated file', async () => {
    const { api, file } = await exported();
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 100));
    const error = await api.error('share.open', {
      file: await api.files.open('share', file),
      secret: { kind: 'passphrase', passphrase: SHARE_PASSPHRASE },
    });
    expect(error).toMatchObject({ code: 'tampered', message: expect.stringContaining('incomplete') });
    writeFileSync(file, bytes.subarray(0, 40));
    expect(
      (
        await api.error('share.open', {
          file: await api.files.open('share', file),
          secret: { kind: 'passphrase', passphrase: SHARE_PASSPHRASE },
        })
      ).code,
    ).toBe('tampered');
  });

  it('rejects a work factor above 20 before deriving any key', async () => {
    const { api, file } = await exported();
    // 2^40 would take days: if this were derived the test would never finish.
    const original = readFileSync(file).toString('latin1');
    for (const logN of ['21', '40']) {
      const hostile = original.replace(/(\n-> scrypt \S+ )18\n/, `$1${logN}\n`);
      writeFileSync(file, Buffer.from(hostile, 'latin1'));
      const error = await api.error('share.open', {
        file: await api.files.open('share', file),
        secret: { kind: 'passphrase', passphrase: SHARE_PASSPHRASE },
      });
      expect(error).toMatchObject({
        code: 'tampered',
        message: expect.stringContaining(`work factor ${logN}`),
      });
    }
  });

  it('says clearly when the file is not an age file, or not there', async () => {
    const { api } = await exported();
    const other = join(api.dataDir, 'notes.txt');
    writeFileSync(other, 'just some text');
    expect(
      await api.error('share.open', {
        file: await api.files.open('share', other),
        secret: { kind: 'passphrase', passphrase: 'x' },
      }),
    ).toMatchObject({
      code: 'tampered',
      message: expect.stringContaining('not a file shared from Stillroom'),
    });
    // Chosen, then moved away before it was opened.
    const moved = join(api.dataDir, 'moved.age');
    writeFileSync(moved, 'age-encryption.org/v1\n');
    const chosen = await api.files.open('share', moved);
    rmSync(moved);
    expect(
      await api.error('share.open', { file: chosen, secret: { kind: 'passphrase', passphrase: 'x' } }),
    ).toMatchObject({ code: 'not_found', message: expect.stringContaining('no longer where it was') });
    // Far too large to be one: refused before it is read into memory.
    const huge = join(api.dataDir, 'huge.age');
    writeFileSync(huge, '');
    truncateSync(huge, 65 * 1024 * 1024);
    await expect(api.files.open('share', huge)).rejects.toMatchObject({ code: 'payload_too_large' });
  });
});
