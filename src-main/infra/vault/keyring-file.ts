import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { PROTECTOR_KINDS, type WrappedKey } from '../../core/vault/key-protector';
import { writeFileAtomic } from './atomic-file';

/**
 * keyring.json: the database key, wrapped once per protector. It holds no personal data; without
 * a passphrase, the recovery code or the keychain, it opens nothing.
 */
const keyringSchema = z.object({
  format: z.literal(1),
  protectors: z.array(z.looseObject({ kind: z.enum(PROTECTOR_KINDS) })).min(1),
  /** The keychain backend name when the key was wrapped by it (Linux: gnome_libsecret, kwallet…). */
  keychainBackend: z.string().optional(),
});

export type Keyring = z.infer<typeof keyringSchema> & { protectors: WrappedKey[] };

export type KeyringRead = { kind: 'missing' } | { kind: 'unreadable' } | { kind: 'ok'; keyring: Keyring };

export function readKeyring(path: string): KeyringRead {
  if (!existsSync(path)) return { kind: 'missing' };
  try {
    const parsed = keyringSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? { kind: 'ok', keyring: parsed.data as Keyring } : { kind: 'unreadable' };
  } catch {
    return { kind: 'unreadable' };
  }
}

export function writeKeyring(path: string, keyring: Keyring): void {
  writeFileAtomic(path, `${JSON.stringify(keyring, null, 2)}\n`);
}

export function findProtector(keyring: Keyring, kind: WrappedKey['kind']): WrappedKey | undefined {
  return keyring.protectors.find((protector) => protector.kind === kind);
}

export function withProtector(keyring: Keyring, wrapped: WrappedKey): Keyring {
  return {
    ...keyring,
    protectors: [...keyring.protectors.filter((p) => p.kind !== wrapped.kind), wrapped],
  };
}
