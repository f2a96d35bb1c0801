import { rmSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import type { ShareSecret } from '../../src-main/core/share/share-file';
import { createAgeShareFileStore } from '../../src-main/infra/share/age-share-file';
import { tempDir } from '../helpers/host-harness';
import {
  coachKey,
  craftZip,
  HOSTILE_PASSPHRASE,
  validShareData,
  writeAgeFile,
} from '../helpers/hostile-share';
import { createVaultApi } from '../helpers/vault-api';
import { createTestVault } from '../helpers/vault-harness';

/*
 * Issue 19: shared files made by someone hostile (anyone with the coach's public key can make
 * one), opened through the real coach view (`share.open`: age, the zip reader, the schema).
 */

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function coachView() {
  const dir = tempDir('stillroom-hostile-share-');
  const vault = createTestVault(dir);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => vault.close());
  const api = createVaultApi(vault, undefined, {
    share: {
      files: createAgeShareFileStore(),
      randomInt: () => 0,
      onProgress: () => {},
    },
  });
  return { api, dir };
}

const KEY: ShareSecret = { kind: 'identity', identity: (await coachKey()).identity };
const PASSPHRASE: ShareSecret = { kind: 'passphrase', passphrase: HOSTILE_PASSPHRASE };
const MIB = 1024 * 1024;
const reportFile = { name: 'report.html', content: Buffer.from('<p>hi</p>') };
const dataFile = (data: unknown) => ({ name: 'data.json', content: Buffer.from(JSON.stringify(data)) });

/** Opens `path` and reports the error, how long it took and the longest the event loop stalled. */
async function openTimed(api: ReturnType<typeof coachView>['api'], path: string, secret: ShareSecret) {
  const file = await api.files.open('share', path);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  const error = await api.error('share.open', { file, secret });
  const ms = performance.now() - started;
  delay.disable();
  return { error, ms, stalledMs: delay.max / 1e6 };
}

describe('a zip bomb inside a real age file (finding 2)', { timeout: 120_000 }, () => {
  const bomb = Buffer.alloc(64 * MIB, 0x20);
  // data.json that the schema accepts, so only the zip reader can refuse these files.
  const report = { name: 'report.html', content: Buffer.from('<p>hi</p>') };
  const data = (padding = 0) => ({
    name: 'data.json',
    content: Buffer.concat([Buffer.from(JSON.stringify(validShareData())), Buffer.alloc(padding, 0x20)]),
  });

  it.each([
    ['the coach’s key', KEY, 'key'],
    ['a passphrase', PASSPHRASE, 'passphrase'],
  ] as const)(
    'refuses 200 directory records pointing at one 64 MiB entry within a second (%s)',
    async (_label, secret, to) => {
      const { api, dir } = coachView();
      const zip = craftZip([{ name: 'data.json', content: bomb }], ([entry]) =>
        Array.from({ length: 200 }, (_, n) => ({
          name: n % 2 === 0 ? 'data.json' : 'report.html',
          local: entry!.offset,
        })),
      );
      expect(zip.length).toBeLessThan(200 * 1024);
      const path = await writeAgeFile(dir, 'bomb.age', zip, to);
      const { error, ms, stalledMs } = await openTimed(api, path, secret);
      expect(error.code).toBe('tampered');
      expect(ms).toBeLessThan(1000);
      expect(stalledMs).toBeLessThan(250);
    },
  );

  it.each([
    [
      'a file listed twice',
      () =>
        craftZip([report, data()], (entries) =>
          [...entries, entries[1]!].map((entry) => ({ name: entry.name, local: entry.offset })),
        ),
    ],
    [
      'an unexpected file beside the two',
      () => craftZip([report, data(), { name: 'run-me.exe', content: Buffer.from('MZ') }]),
    ],
    ['an unexpected file in place of one', () => craftZip([report, { ...data(), name: '../data.json' }])],
    [
      'two records of different names sharing one body',
      () =>
        craftZip([data()], ([entry]) => [
          { name: 'report.html', local: entry!.offset },
          { name: 'data.json', local: entry!.offset },
        ]),
    ],
    [
      'two entries of 40 MiB each (over the 64 MiB total)',
      () => craftZip([{ name: 'report.html', content: Buffer.alloc(40 * MIB, 0x20) }, data(40 * MIB)]),
    ],
    [
      'an entry that inflates to far more than its directory says',
      () => craftZip([report, { ...data(64 * MIB - 4096), declaredSize: 1024 }]),
    ],
  ])('refuses %s, quickly', async (_label, make) => {
    const { api, dir } = coachView();
    const path = await writeAgeFile(dir, 'hostile.age', make());
    const { error, ms, stalledMs } = await openTimed(api, path, KEY);
    expect(error.code).toBe('tampered');
    expect(ms).toBeLessThan(1000);
    expect(stalledMs).toBeLessThan(250);
  });

  it('still opens a well-made file of the same two entries', async () => {
    const { api, dir } = coachView();
    const path = await writeAgeFile(dir, 'good.age', craftZip([report, data()]));
    const opened = await api.value('share.open', {
      file: await api.files.open('share', path),
      secret: KEY,
    });
    expect(opened.data.note).toBe('A note for my coach');
  });
});

describe('hostile data.json that the old schema let through (finding 7)', () => {
  type Data = ReturnType<typeof validShareData>;
  const cases: Array<[string, (data: Data) => unknown]> = [
    ['a diary time that is not a date', (data) => ((data.diary[0]!.occurredAt = 'not a date'), data)],
    ['a day that does not exist', (data) => ((data.diary[0]!.occurredAt = '2026-02-30T09:00:00.000Z'), data)],
    ['a made-on time that is not a date', (data) => ((data.createdAt = 'yesterday'), data)],
    ['a trend time that is not a date', (data) => ((data.trends[0]!.points[0]!.takenAt = ''), data)],
    ['a score of 1e308', (data) => ((data.trends[0]!.points[0]!.score = 1e308), data)],
    [
      'a scale from -1e308 to 1e308',
      (data) => {
        data.trends[0]!.min = -1e308;
        data.trends[0]!.max = 1e308;
        return data;
      },
    ],
    ['a stress rating of 1e9', (data) => ((data.diary[0]!.stress = 1e9), data)],
    ['a 40 MB note', (data) => ((data.note = 'x'.repeat(40_000_000)), data)],
    ['a 1 MB diary entry', (data) => ((data.diary[0]!.what = 'x'.repeat(1_000_000)), data)],
    [
      '100,000 trend points',
      (data) => {
        const point = data.trends[0]!.points[0]!;
        data.trends[0]!.points = Array.from({ length: 100_000 }, () => point);
        return data;
      },
    ],
  ];

  it.each(cases)('refuses %s, with a clear message', async (_label, change) => {
    const { api, dir } = coachView();
    const path = await writeAgeFile(
      dir,
      'hostile.age',
      craftZip([reportFile, dataFile(change(validShareData()))]),
    );
    const error = await api.error('share.open', { file: await api.files.open('share', path), secret: KEY });
    expect(error).toMatchObject({ code: 'tampered', message: expect.stringContaining('not a report') });
  });
});
