/**
 * Builds and signs a Stillroom content pack, or makes a signing key pair.
 *
 *   npx tsx scripts/build-content-pack.ts keygen <private-key-out.pem> <public-key-out.pub>
 *   npx tsx scripts/build-content-pack.ts build --content <folder> --key <private-key.pem> \
 *     --id <pack-id> --version <n> --title "<title>" [--date YYYY-MM-DD] [--base <content>] --out <file>
 *
 * `--content` is a folder holding library/<id>.md files (the same format as content/library).
 * Each article is listed in the manifest as "added" or, when `--base` (default: this repo's
 * content folder) already has it, "updated". The app checks every article again when it applies
 * the pack; run `npx tsx scripts/check-content.ts` on the articles first.
 *
 * The private key never goes in the repository: Stillroom's maintainers hold the one whose
 * public half is content/keys/stillroom-content.pub. An organisation can make its own pair and
 * add the public key to its policy (contentPacks.trustedKeys).
 */
import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACK_FORMAT } from '../src-main/infra/content/content-packs';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The pack file's text for these articles ({ id: markdown }), signed with the private key (PEM). */
export interface PackManifestInput {
  id: string;
  version: number;
  date: string;
  title: string;
  changes: { article: string; change: 'added' | 'updated' }[];
}

export function buildPack({
  manifest,
  articles,
  privateKeyPem,
}: {
  manifest: PackManifestInput;
  articles: Record<string, string>;
  privateKeyPem: string;
}): string {
  const files: Record<string, string> = {};
  for (const [id, source] of Object.entries(articles)) files[`library/${id}.md`] = source;
  const payload = JSON.stringify({ manifest, files });
  const key = createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('The signing key must be an ed25519 private key.');
  const signature = sign(null, Buffer.from(payload, 'utf8'), key).toString('base64');
  return `${JSON.stringify({ format: PACK_FORMAT, payload, signature }, null, 2)}\n`;
}

export function generateKeys() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

function options(args: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i];
    if (!name?.startsWith('--') || args[i + 1] === undefined)
      throw new Error(`Expected --option value, got "${name}".`);
    out[name.slice(2)] = args[i + 1] as string;
  }
  return out;
}

function main(argv: string[]): void {
  const [command, ...rest] = argv;
  if (command === 'keygen') {
    const [privateOut, publicOut] = rest;
    if (!privateOut || !publicOut)
      throw new Error('keygen needs <private-key-out.pem> <public-key-out.pub>.');
    if (existsSync(privateOut)) throw new Error(`${privateOut} exists; not overwriting a key.`);
    const { privateKeyPem, publicKeyPem } = generateKeys();
    writeFileSync(privateOut, privateKeyPem, { mode: 0o600, flag: 'wx' });
    writeFileSync(publicOut, publicKeyPem);
    console.log(`Wrote ${privateOut} (keep it secret, off the repository) and ${publicOut}.`);
    return;
  }
  if (command !== 'build') throw new Error('Use "keygen" or "build" (see the top of this script).');
  const o = options(rest);
  const need = (name: string): string => {
    const value = o[name];
    if (!value) throw new Error(`build needs --${name}.`);
    return value;
  };
  const [content, keyFile, id, out, title] = ['content', 'key', 'id', 'out', 'title'].map(need) as [
    string,
    string,
    string,
    string,
    string,
  ];
  if (!ID.test(id)) throw new Error('--id: lower-case letters, digits and single hyphens.');
  const version = Number(need('version'));
  if (!Number.isInteger(version) || version < 1) throw new Error('--version: a whole number from 1.');
  const date = o.date ?? new Date().toISOString().slice(0, 10);
  const base = o.base ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'content');
  const libraryDir = join(content, 'library');
  const names = readdirSync(libraryDir)
    .filter((name) => name.endsWith('.md'))
    .sort();
  if (names.length === 0) throw new Error(`No .md articles in ${libraryDir}.`);
  const articles: Record<string, string> = {};
  const changes: PackManifestInput['changes'] = [];
  for (const name of names) {
    const articleId = name.slice(0, -3);
    if (!ID.test(articleId)) throw new Error(`${name}: name articles <id>.md.`);
    articles[articleId] = readFileSync(join(libraryDir, name), 'utf8');
    changes.push({
      article: articleId,
      change: existsSync(join(base, 'library', name)) ? 'updated' : 'added',
    });
  }
  const manifest = { id, version, date, title, changes };
  writeFileSync(out, buildPack({ manifest, articles, privateKeyPem: readFileSync(keyFile, 'utf8') }));
  console.log(`Wrote ${out}: ${id} version ${version}, ${changes.length} article(s).`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(`build-content-pack: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
