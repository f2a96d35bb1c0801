import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { readdirSync, readFileSync, statSync, unlinkSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../vault/atomic-file';
import {
  ApiFailure,
  CONTENT_PACK_MAX_BYTES,
  packManifestSchema,
  type ErrorCode,
  type PackInfo,
  type PackManifest,
  type Policy,
} from '../../contract';
import type { LibraryArticle, LibraryCatalog } from '../../core/library/library-catalog';
import { describeZodIssues } from '../../core/validation/describe-issues';
import { ContentError } from './content-files';
import { linkProblems, loadShippedArticles, parseArticle } from './library-content';

/*
 * Signed content packs.
 *
 * Format: one JSON file (`*.stillroom-pack`):
 *   { "format": "stillroom-content-pack/1", "payload": "<JSON text>", "signature": "<base64>" }
 * where the payload is the JSON text of { manifest, files: { "library/<id>.md": "<Markdown>" } }
 * and the signature is ed25519 over the payload's exact UTF-8 bytes. Signing the bytes as they
 * travel means nothing has to be re-serialised the same way to check it; plain JSON means no zip
 * library, no paths to unpack onto disk and nothing but text inside, so a pack cannot carry code.
 *
 * Applied packs are kept as received in <dataDir>/content-packs/ and verified again at every
 * start. The effective library is the shipped articles overlaid with each pack's articles
 * (packs in date order, so the newest wins).
 */

export const PACK_FORMAT = 'stillroom-content-pack/1';
export const PACK_EXTENSION = '.stillroom-pack';
export const PACKS_FOLDER = 'content-packs';
const FILE_KEY = /^library\/([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

const envelopeSchema = z
  .object({
    format: z.literal(PACK_FORMAT),
    payload: z.string().min(2).max(CONTENT_PACK_MAX_BYTES),
    signature: z.string().max(200),
  })
  .strict();

const payloadSchema = z
  .object({
    manifest: packManifestSchema,
    files: z.record(z.string().max(200), z.string().max(200_000)),
  })
  .strict();

/** A pack that was refused: the code says what kind of refusal, the message what to do. */
export class PackError extends ApiFailure {
  constructor(code: ErrorCode, message: string) {
    super(code, message);
    this.name = 'PackError';
  }
}

export interface VerifiedPack {
  manifest: PackManifest;
  articles: LibraryArticle[];
  /** The file exactly as received, to keep. */
  text: string;
}

/** The built-in keys (content/keys/*.pub) and the ones a policy adds, as key objects. */
export function trustedKeys(contentDir: string, policy: Policy | undefined): KeyObject[] {
  const keys: KeyObject[] = [];
  const dir = join(contentDir, 'keys');
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.pub'));
  } catch {
    names = [];
  }
  for (const name of names.sort()) {
    try {
      keys.push(createPublicKey(readFileSync(join(dir, name), 'utf8')));
    } catch (error) {
      throw new ContentError(join(dir, name), [`not a public key: ${(error as Error).message}`]);
    }
  }
  // readPolicy has already checked these are ed25519 keys.
  for (const pem of policy?.contentPacks?.trustedKeys ?? []) keys.push(createPublicKey(pem));
  return keys.filter((key) => key.asymmetricKeyType === 'ed25519');
}

/** Reads a pack file with a size limit; a clear message when it cannot. */
export function readPackFile(path: string): string {
  let size: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw new PackError('invalid_input', 'That is a folder, not a content pack file.');
    size = stats.size;
  } catch (error) {
    if (error instanceof PackError) throw error;
    throw new PackError('not_found', 'No content pack was found at that path.');
  }
  if (size > CONTENT_PACK_MAX_BYTES) {
    throw new PackError('invalid_input', 'That file is too large to be a content pack.');
  }
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new PackError('not_found', 'The content pack could not be read.');
  }
}

/**
 * Checks a pack completely before anything is applied: the envelope, the signature against the
 * trusted keys, the manifest, and every article with the same schema and Markdown rules as the
 * shipped ones. Throws PackError with a message for the user otherwise.
 */
export function verifyPack(text: string, keys: readonly KeyObject[]): VerifiedPack {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new PackError(
      'invalid_input',
      'This file is not a Stillroom content pack: it could not be read as one.',
    );
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    const unsigned =
      typeof json === 'object' && json !== null && !Array.isArray(json) && !('signature' in json);
    throw new PackError(
      unsigned ? 'tampered' : 'invalid_input',
      unsigned
        ? 'This content pack is not signed, so it was not applied.'
        : `This file is not a Stillroom content pack: ${describeZodIssues(envelope.error.issues).join('; ')}.`,
    );
  }
  const signature = Buffer.from(envelope.data.signature, 'base64');
  if (envelope.data.signature.trim() === '') {
    throw new PackError('tampered', 'This content pack is not signed, so it was not applied.');
  }
  const payloadBytes = Buffer.from(envelope.data.payload, 'utf8');
  // Only the one canonical spelling of the signature: base64 decoding ignores stray characters and
  // the unused bits of the last one, so a changed byte there could otherwise still verify.
  const canonical = signature.length === 64 && signature.toString('base64') === envelope.data.signature;
  const trusted = canonical && keys.some((key) => safeVerify(payloadBytes, key, signature));
  if (!trusted) {
    throw new PackError(
      'tampered',
      'This content pack was changed after it was signed, or was not signed by a key Stillroom trusts. Nothing was changed.',
    );
  }
  let payloadJson: unknown;
  try {
    payloadJson = JSON.parse(envelope.data.payload);
  } catch {
    throw new PackError('invalid_input', 'This content pack is signed but its contents cannot be read.');
  }
  const payload = payloadSchema.safeParse(payloadJson);
  if (!payload.success) {
    throw new PackError(
      'invalid_input',
      `This content pack's manifest is not valid: ${describeZodIssues(payload.error.issues).slice(0, 5).join('; ')}.`,
    );
  }
  const { manifest, files } = payload.data;
  const problems: string[] = [];
  const listed = new Set<string>();
  for (const change of manifest.changes) {
    if (listed.has(change.article)) problems.push(`manifest lists "${change.article}" twice`);
    listed.add(change.article);
    if (!(`library/${change.article}.md` in files))
      problems.push(`manifest lists "${change.article}" but the pack has no file for it`);
  }
  const articles: LibraryArticle[] = [];
  for (const [key, source] of Object.entries(files)) {
    const match = FILE_KEY.exec(key);
    if (!match?.[1]) {
      problems.push(`"${key.slice(0, 60)}" is not a library article file (library/<id>.md)`);
      continue;
    }
    if (!listed.has(match[1])) problems.push(`${key} is in the pack but not in its manifest`);
    try {
      articles.push(parseArticle(key, source, match[1], manifest.id));
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (problems.length > 0) {
    throw new PackError(
      'invalid_input',
      `This content pack was not applied: ${problems.slice(0, 5).join('; ')}.`,
    );
  }
  return { manifest, articles, text };
}

function safeVerify(data: Buffer, key: KeyObject, signature: Buffer): boolean {
  try {
    return verify(null, data, key, signature);
  } catch {
    return false;
  }
}

interface AppliedPack extends VerifiedPack {
  from: PackInfo['from'];
}

function info(pack: AppliedPack): PackInfo {
  const { id, version, date, title, changes } = pack.manifest;
  return { id, version, date, title, changes, from: pack.from };
}

/** Shipped articles overlaid with packs, oldest pack first so the newest wins. */
export function overlay(shipped: readonly LibraryArticle[], packs: Iterable<AppliedPack>): LibraryArticle[] {
  const byId = new Map(shipped.map((article) => [article.id, article]));
  const ordered = [...packs].sort(
    (a, b) => a.manifest.date.localeCompare(b.manifest.date) || a.manifest.id.localeCompare(b.manifest.id),
  );
  for (const pack of ordered) for (const article of pack.articles) byId.set(article.id, article);
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

function fingerprintOf(articles: readonly LibraryArticle[]): string {
  const hash = createHash('sha256');
  for (const article of articles) {
    const { body: _body, ...rest } = article;
    hash.update(JSON.stringify(rest));
    hash.update('\u0000');
  }
  return hash.digest('hex');
}

function storedName(id: string, from: PackInfo['from']): string {
  return `${id}~${from}${PACK_EXTENSION}`;
}

/** All or nothing, as every file Stillroom keeps (`writeFileAtomic`); readable by the app only. */
function writeAtomically(dir: string, name: string, text: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(join(dir, name), text);
  } catch (error) {
    throw new PackError('storage_failed', `The content pack could not be saved: ${(error as Error).message}`);
  }
}

/**
 * The library as the app serves it: shipped articles, applied packs kept in the data folder, and
 * any newer packs IT placed in the policy's folder (applied at start).
 */
export function createLibraryCatalog(options: {
  contentDir: string;
  dataDir: string;
  policy: Policy | undefined;
}): LibraryCatalog {
  const shipped = loadShippedArticles(options.contentDir);
  const shippedProblems = linkProblems(shipped);
  if (shippedProblems.length > 0)
    throw new ContentError(join(options.contentDir, 'library'), shippedProblems);
  const keys = trustedKeys(options.contentDir, options.policy);
  const packsDir = join(options.dataDir, PACKS_FOLDER);
  const applied = new Map<string, AppliedPack & { file: string }>();
  const problems: string[] = [];

  // Packs applied before, verified again (a key IT removed from the policy stops trusting them).
  let stored: string[];
  try {
    stored = readdirSync(packsDir).filter((name) => name.endsWith(PACK_EXTENSION) && !name.startsWith('.'));
  } catch {
    stored = [];
  }
  for (const name of stored.sort()) {
    const from: PackInfo['from'] = name.includes('~policy') ? 'policy' : 'user';
    try {
      const pack = verifyPack(readPackFile(join(packsDir, name)), keys);
      const current = applied.get(pack.manifest.id);
      if (!current || current.manifest.version < pack.manifest.version) {
        applied.set(pack.manifest.id, { ...pack, from, file: name });
      }
    } catch (error) {
      problems.push(`A saved content pack (${name}) is no longer used: ${(error as Error).message}`);
    }
  }

  let articles = overlay(shipped, applied.values());
  let fingerprint = fingerprintOf(articles);

  function apply(pack: VerifiedPack, from: PackInfo['from']): { pack: PackInfo; added: string[] } {
    const current = applied.get(pack.manifest.id);
    if (current && current.manifest.version >= pack.manifest.version) {
      throw new PackError(
        'conflict',
        current.manifest.version === pack.manifest.version
          ? `Version ${pack.manifest.version} of “${pack.manifest.title}” is already in your library.`
          : `Your library already has a newer version (${current.manifest.version}) of “${pack.manifest.title}”, so this older one (${pack.manifest.version}) was not applied.`,
      );
    }
    const candidate = new Map(applied);
    const name = storedName(pack.manifest.id, from);
    candidate.set(pack.manifest.id, { ...pack, from, file: name });
    const next = overlay(shipped, candidate.values());
    const broken = linkProblems(next);
    if (broken.length > 0) {
      throw new PackError(
        'invalid_input',
        `This content pack was not applied: ${broken.slice(0, 5).join('; ')}.`,
      );
    }
    writeAtomically(packsDir, name, pack.text);
    if (current && current.file !== name) {
      try {
        unlinkSync(join(packsDir, current.file));
      } catch {
        // The newer version wins at load anyway.
      }
    }
    const before = new Set(articles.map((article) => article.id));
    applied.clear();
    for (const [id, value] of candidate) applied.set(id, value);
    articles = next;
    fingerprint = fingerprintOf(articles);
    const entry = applied.get(pack.manifest.id);
    return {
      pack: info(entry as AppliedPack),
      added: pack.articles.map((article) => article.id).filter((id) => !before.has(id)),
    };
  }

  // Packs IT placed in the policy's folder: newer versions are applied now.
  const folder = options.policy?.contentPacks?.folder;
  if (folder) {
    let names: string[];
    try {
      names = readdirSync(folder).filter((name) => name.endsWith(PACK_EXTENSION));
    } catch (error) {
      // No folder yet is normal (IT may name it before placing any pack); anything else is said.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') {
        problems.push(
          `The content pack folder your organisation set (${folder}) could not be read (${code}).`,
        );
      }
      names = [];
    }
    for (const name of names.sort()) {
      try {
        const pack = verifyPack(readPackFile(join(folder, name)), keys);
        const current = applied.get(pack.manifest.id);
        if (current && current.manifest.version >= pack.manifest.version) continue;
        apply(pack, 'policy');
      } catch (error) {
        problems.push(`${name} from your organisation was not applied: ${(error as Error).message}`);
      }
    }
  }

  return {
    articles: () => articles,
    fingerprint: () => fingerprint,
    importPack(text) {
      return apply(verifyPack(text, keys), 'user');
    },
    packs: () => ({
      packs: [...applied.values()]
        .map(info)
        .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id)),
      problems: [...problems],
    }),
  };
}
