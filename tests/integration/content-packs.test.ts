import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { basename, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTENT_PACK_MAX_BYTES,
  type CallInput,
  type CallName,
  type CallOutput,
  type Result,
} from '../../src-main/contract';
import { createAppServices } from '../../src-main/infra/app-services';
import { createConfSettingsStore } from '../../src-main/infra/conf-settings-store';
import { PACKS_FOLDER } from '../../src-main/infra/content/content-packs';
import {
  buildPack,
  folderHashes,
  generateKeys,
  manifest,
  newArticle,
  shippedArticle,
} from '../helpers/content-pack';
import { tempDir } from '../helpers/host-harness';
import { projectRoot } from '../helpers/layering';
import { fakeClock, TEST_SCRYPT } from '../helpers/vault-harness';

/*
 * Signed content packs through the real wiring (createAppServices): real ed25519 signatures, the
 * real encrypted vault, files on disk. The signing key is trusted through the policy, as an
 * organisation would; Stillroom's own private key is not in the repository.
 */

const PASSPHRASE = 'correct horse battery';
const trusted = generateKeys();
const stranger = generateKeys();

const running: { close(): void }[] = [];

function start(dataDir: string, policy: object | string | undefined) {
  const policyPath = join(dataDir, '..', `policy-${Math.random().toString(36).slice(2)}.json`);
  if (policy !== undefined)
    writeFileSync(policyPath, typeof policy === 'string' ? policy : JSON.stringify(policy));
  const services = createAppServices({
    dataDir,
    contentDir: join(projectRoot, 'content'),
    info: () => ({ name: 'Stillroom', version: '0', host: 'browser', platform: 'linux', dataDir }),
    settingsStore: createConfSettingsStore(dataDir),
    emit: () => undefined,
    env: { STILLROOM_POLICY: policyPath },
    vaultOverrides: { scrypt: TEST_SCRYPT, clock: fakeClock() },
  });
  const app = {
    ...services,
    /** As the browser host's upload does: the page sends the chosen file's bytes. */
    pick(path: string): string {
      return services.files.addUpload('content-pack', basename(path), readFileSync(path)).id;
    },
    async call<C extends CallName>(name: C, input: CallInput<C>): Promise<Result<CallOutput<C>>> {
      return (await services.dispatch(name, input)) as Result<CallOutput<C>>;
    },
    async value<C extends CallName>(name: C, input: CallInput<C>): Promise<CallOutput<C>> {
      const result = await app.call(name, input);
      if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
      return result.value;
    },
  };
  running.push(app);
  return app;
}

const policyTrusting = (extra: object = {}) => ({
  format: 1,
  organisation: { name: 'Northfield Council' },
  contentPacks: { trustedKeys: [trusted.publicKeyPem], ...extra },
});

const goodPack = (version = 1, privateKeyPem = trusted.privateKeyPem) =>
  buildPack({
    manifest: manifest({
      version,
      changes: [
        { article: 'winter-light', change: 'added' },
        { article: 'sleep', change: 'updated' },
      ],
    }),
    articles: {
      'winter-light': newArticle('winter-light', 'Winter light and low energy', 'lanternfish'),
      sleep: shippedArticle('sleep').replace(/^title: .*$/m, `title: Sleep and stress (v${version})`),
    },
    privateKeyPem,
  });

async function fresh(policy: object | string | undefined = policyTrusting()) {
  const dataDir = tempDir('stillroom-packs-');
  const app = start(dataDir, policy);
  await app.value('vault.create', { passphrase: PASSPHRASE, useKeychain: false });
  return { app, dataDir };
}

function writePack(dir: string, name: string, text: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

afterEach(() => {
  for (const app of running.splice(0)) app.close();
});

describe('content packs', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('stillroom-pack-files-');
  });

  it('applies a signed pack: its new article shows as new, is searchable, and stays after a restart', async () => {
    const { app, dataDir } = await fresh();
    const before = await app.value('library.list', {});
    expect(before.articles.some((a) => a.id === 'winter-light')).toBe(false);

    const imported = await app.value('library.importPack', {
      file: app.pick(writePack(dir, 'good.stillroom-pack', goodPack())),
    });
    expect(imported.added).toEqual(['winter-light']);
    expect(imported.pack).toMatchObject({ id: 'test-updates', version: 1, from: 'user' });

    const after = new Map((await app.value('library.list', {})).articles.map((a) => [a.id, a]));
    expect(after.size).toBe(before.articles.length + 1);
    expect(after.get('winter-light')?.state.isNew).toBe(true);
    expect(after.get('sleep')).toMatchObject({ title: 'Sleep and stress (v1)', state: { isNew: false } });
    const found = await app.value('library.search', { query: 'lanternfish', limit: 5 });
    expect(found.results.map((r) => r.article.id)).toEqual(['winter-light']);
    expect((await app.value('library.article', { id: 'winter-light' })).origin).toBe('test-updates');
    expect((await app.value('library.forYou', { limit: 4 })).suggestions[0]).toMatchObject({
      article: { id: 'winter-light' },
      reasons: ['new'],
    });

    await app.value('library.markRead', { id: 'winter-light' });
    app.close();
    const again = start(dataDir, policyTrusting());
    await again.value('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    const reopened = new Map((await again.value('library.list', {})).articles.map((a) => [a.id, a]));
    expect(reopened.get('winter-light')?.state).toMatchObject({ isNew: false, readAt: expect.any(String) });
    expect((await again.value('library.packs', {})).packs.map((p) => p.version)).toEqual([1]);
  });

  it('refuses unsigned, wrongly signed, tampered, older, same-version and malformed packs, changing nothing', async () => {
    const { app, dataDir } = await fresh();
    await app.value('library.importPack', {
      file: app.pick(writePack(dir, 'v2.stillroom-pack', goodPack(2))),
    });
    const v3 = goodPack(3);
    const envelope = JSON.parse(v3) as { format: string; payload: string; signature: string };
    const flipAt = (text: string, index: number) =>
      text.slice(0, index) + String.fromCharCode(text.charCodeAt(index) ^ 1) + text.slice(index + 1);
    const payloadWord = envelope.payload.indexOf('lanternfish');
    const malformed = buildPack({
      manifest: { ...manifest({ version: 4, changes: [] }), date: '26/11/2026' },
      articles: {},
      privateKeyPem: trusted.privateKeyPem,
    });
    const missingFile = buildPack({
      manifest: manifest({ version: 4, changes: [{ article: 'ghost', change: 'added' }] }),
      articles: {},
      privateKeyPem: trusted.privateKeyPem,
    });
    const badArticle = buildPack({
      manifest: manifest({ version: 4, changes: [{ article: 'winter-light', change: 'added' }] }),
      articles: {
        'winter-light': newArticle('winter-light', 'x', 'y').replace(/minutes: \d+/, 'minutes: 60'),
      },
      privateKeyPem: trusted.privateKeyPem,
    });
    const cases: [string, string, string, RegExp][] = [
      [
        'unsigned',
        JSON.stringify({ format: envelope.format, payload: envelope.payload }),
        'tampered',
        /not signed/,
      ],
      ['empty signature', JSON.stringify({ ...envelope, signature: '' }), 'tampered', /not signed/],
      ['wrong key', goodPack(3, stranger.privateKeyPem), 'tampered', /not signed by a key Stillroom trusts/],
      [
        'one flipped byte in an article',
        JSON.stringify({ ...envelope, payload: flipAt(envelope.payload, payloadWord) }),
        'tampered',
        /changed after it was signed/,
      ],
      [
        'one flipped byte in the signature',
        flipAt(v3, v3.indexOf(envelope.signature) + 5),
        'tampered',
        /changed after it was signed/,
      ],
      ['older version', goodPack(1), 'conflict', /already has a newer version \(2\)/],
      ['same version', goodPack(2), 'conflict', /Version 2 of “Test updates” is already in your library/],
      [
        'malformed manifest',
        malformed,
        'invalid_input',
        /manifest is not valid: manifest\.date: Use a date like/,
      ],
      ['manifest without its file', missingFile, 'invalid_input', /lists "ghost" but the pack has no file/],
      ['invalid article', badArticle, 'invalid_input', /library\/winter-light\.md: minutes:/],
      ['not a pack', '<html>hello</html>', 'invalid_input', /not a Stillroom content pack/],
      [
        'wrong format',
        JSON.stringify({ ...envelope, format: 'zip' }),
        'invalid_input',
        /not a Stillroom content pack: format/,
      ],
    ];
    // Flipping any one byte of the file is refused too (a sample across the whole file), and
    // every byte of the signature, including the last base64 character whose low bits decoding
    // would otherwise ignore.
    for (let i = 0; i < 12; i++) {
      const at = Math.floor(((i + 0.5) / 12) * v3.length);
      cases.push([`byte ${at} flipped`, flipAt(v3, at), '', /./]);
    }
    const signatureAt = v3.indexOf(envelope.signature);
    for (let i = 0; i < envelope.signature.length; i++) {
      cases.push([`signature byte ${i} flipped`, flipAt(v3, signatureAt + i), '', /./]);
    }

    const packsDir = join(dataDir, PACKS_FOLDER);
    const filesBefore = folderHashes(packsDir);
    const listBefore = JSON.stringify(await app.value('library.list', {}));
    expect(Object.keys(filesBefore)).toHaveLength(1);
    for (const [what, text, code, message] of cases) {
      const result = await app.call('library.importPack', {
        file: app.pick(writePack(dir, 'bad.stillroom-pack', text)),
      });
      expect(result.ok, what).toBe(false);
      if (result.ok) continue;
      if (code) expect(result.error.code, what).toBe(code);
      expect(result.error.message, what).toMatch(message);
      expect(result.error.message.length, what).toBeLessThan(400);
      expect(folderHashes(packsDir), what).toEqual(filesBefore);
      expect(JSON.stringify(await app.value('library.list', {})), what).toBe(listBefore);
    }
    // An id never chosen, or chosen for another kind of file: refused, nothing changed.
    const unknown = await app.call('library.importPack', { file: randomUUID() });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const backup = app.files.addUpload('backup', 'b.stillroom-backup', new Uint8Array(10));
    const wrongKind = await app.call('library.importPack', { file: backup.id });
    expect(wrongKind).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Far larger than a pack can be: refused before it is kept.
    expect(() =>
      app.pick(writePack(dir, 'huge.stillroom-pack', 'x'.repeat(CONTENT_PACK_MAX_BYTES + 1))),
    ).toThrow(/too large/);
    expect(folderHashes(packsDir)).toEqual(filesBefore);
  });

  it('picks up packs IT places in the policy folder at start, and reports the ones it refuses', async () => {
    const itFolder = tempDir('stillroom-it-packs-');
    writePack(itFolder, 'a-good.stillroom-pack', goodPack(1));
    writePack(
      itFolder,
      'b-stranger.stillroom-pack',
      goodPack(5, stranger.privateKeyPem).replace('test-updates', 'other'),
    );
    writePack(itFolder, 'readme.txt', 'not a pack, ignored');
    const { app } = await fresh(policyTrusting({ folder: itFolder }));
    const list = await app.value('library.list', {});
    expect(list.articles.find((a) => a.id === 'winter-light')?.state.isNew).toBe(false);
    const packs = await app.value('library.packs', {});
    expect(packs.packs).toMatchObject([{ id: 'test-updates', version: 1, from: 'policy' }]);
    expect(packs.problems).toEqual([
      expect.stringMatching(/^b-stranger\.stillroom-pack from your organisation was not applied: /),
    ]);
  });

  it('drops a stored pack that was corrupted on disk, keeping the shipped library, with a clear message', async () => {
    const { app, dataDir } = await fresh();
    const shipped = (await app.value('library.list', {})).articles.length;
    await app.value('library.importPack', {
      file: app.pick(writePack(dir, 'good.stillroom-pack', goodPack())),
    });
    app.close();
    const stored = join(dataDir, PACKS_FOLDER, 'test-updates~user.stillroom-pack');
    writeFileSync(stored, readFileSync(stored, 'utf8').replace('lanternfish', 'lanternfisk'));
    const again = start(dataDir, policyTrusting());
    await again.value('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    expect((await again.value('library.list', {})).articles).toHaveLength(shipped);
    expect((await again.value('library.search', { query: 'lanternfish', limit: 5 })).results).toEqual([]);
    expect((await again.value('library.packs', {})).problems).toEqual([
      expect.stringMatching(
        /test-updates~user\.stillroom-pack\) is no longer used: This content pack was changed after it was signed/,
      ),
    ]);
  });

  it('explains a broken policy, and then trusts only the built-in key', async () => {
    const broken = {
      ...policyTrusting(),
      contentPacks: {
        trustedKeys: [
          '-----BEGIN PUBLIC KEY-----\nnot a key at all, but long enough\n-----END PUBLIC KEY-----',
        ],
      },
    };
    const { app } = await fresh(broken);
    const policy = await app.value('policy.get', {});
    expect(policy).toMatchObject({
      state: 'invalid',
      problems: [expect.stringMatching(/^contentPacks\.trustedKeys\.0: not an ed25519 public key/)],
    });
    const refused = await app.call('library.importPack', {
      file: app.pick(writePack(dir, 'good.stillroom-pack', goodPack())),
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'tampered' } });
    const notJson = await fresh('{ "format": 1, ');
    expect(await notJson.app.value('policy.get', {})).toMatchObject({
      state: 'invalid',
      problems: [expect.stringMatching(/not valid JSON/)],
    });
  });

  it('overlays packs on the shipped library: for an article in two packs, the newer pack wins', async () => {
    const { app } = await fresh();
    const titled = (id: string, date: string, title: string) =>
      buildPack({
        manifest: manifest({ id, date, title: id, changes: [{ article: 'sleep', change: 'updated' }] }),
        articles: { sleep: shippedArticle('sleep').replace(/^title: .*$/m, `title: ${title}`) },
        privateKeyPem: trusted.privateKeyPem,
      });
    await app.value('library.importPack', {
      file: app.pick(
        writePack(dir, 'later.stillroom-pack', titled('later', '2026-12-01', 'Sleep (December)')),
      ),
    });
    await app.value('library.importPack', {
      file: app.pick(
        writePack(dir, 'earlier.stillroom-pack', titled('earlier', '2026-11-01', 'Sleep (November)')),
      ),
    });
    const sleep = await app.value('library.article', { id: 'sleep' });
    expect(sleep).toMatchObject({ title: 'Sleep (December)', origin: 'later' });
    expect((await app.value('library.packs', {})).packs.map((pack) => pack.id)).toEqual(['later', 'earlier']);
    // The index follows the effective text: the title in force is the one searched.
    const found = await app.value('library.search', { query: 'december', limit: 5 });
    expect(found.results.map((result) => result.article.id)).toEqual(['sleep']);
    expect((await app.value('library.search', { query: 'november', limit: 5 })).results).toEqual([]);
  });

  it('the script makes a key pair and builds a pack the app accepts', async () => {
    const work = tempDir('stillroom-pack-script-');
    const script = join(projectRoot, 'scripts', 'build-content-pack.ts');
    const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');
    execFileSync(tsx, [script, 'keygen', join(work, 'org.pem'), join(work, 'org.pub')], { stdio: 'pipe' });
    mkdirSync(join(work, 'content', 'library'), { recursive: true });
    writeFileSync(
      join(work, 'content', 'library', 'winter-light.md'),
      newArticle('winter-light', 'Winter light', 'lanternfish'),
    );
    const out = join(work, 'org.stillroom-pack');
    execFileSync(
      tsx,
      [
        script,
        'build',
        '--content',
        join(work, 'content'),
        '--key',
        join(work, 'org.pem'),
        '--id',
        'northfield',
        '--version',
        '1',
        '--title',
        'Northfield updates',
        '--date',
        '2026-11-26',
        '--out',
        out,
      ],
      { stdio: 'pipe' },
    );
    const { app } = await fresh({
      format: 1,
      organisation: { name: 'Northfield' },
      contentPacks: { trustedKeys: [readFileSync(join(work, 'org.pub'), 'utf8')] },
    });
    const imported = await app.value('library.importPack', { file: app.pick(out) });
    expect(imported).toMatchObject({
      added: ['winter-light'],
      pack: { id: 'northfield', changes: [{ article: 'winter-light', change: 'added' }] },
    });
    rmSync(work, { recursive: true, force: true });
  });
});
