import { z } from 'zod';
import { fileIdSchema, savedFileSchema } from './files';
import { PASSPHRASE_MIN_LENGTH } from './plain';

/** Why the vault cannot open, each with its own screen. Nothing is ever deleted for any of them. */
export const VAULT_PROBLEMS = [
  'key_missing',
  'key_unreadable',
  'database_unreadable',
  'newer_version',
  'keychain_changed',
  'folder_not_writable',
  /** The database engine (a native module) could not load: an install problem, not the data. */
  'engine_unavailable',
] as const;

export const UNLOCK_METHODS = ['passphrase', 'keychain', 'recovery'] as const;

const passphrase = z
  .string()
  .min(PASSPHRASE_MIN_LENGTH, `Use at least ${PASSPHRASE_MIN_LENGTH} characters.`)
  .max(1024);
/** Recovery codes are typed by people: spaces, dashes and case are forgiven when checked. */
const recoveryCode = z.string().min(10).max(200);

export const vaultStatusSchema = z.object({
  state: z.enum(['new', 'locked', 'unlocked', 'problem']),
  problem: z.object({ code: z.enum(VAULT_PROBLEMS), message: z.string() }).optional(),
  unlockMethods: z.array(z.enum(UNLOCK_METHODS)),
  keychain: z.object({
    /** This host can protect the key with the OS keychain (never in the browser host). */
    available: z.boolean(),
    /** The key is currently also protected by the keychain. */
    enrolled: z.boolean(),
    backend: z.string().optional(),
  }),
  /** After several wrong passphrases, wait this long before the next try. */
  retryAfterMs: z.number().int().nonnegative(),
  /** Lock after this many idle minutes; 0 means never. */
  autoLockMinutes: z.number().int().nonnegative(),
});

export type VaultStatus = z.infer<typeof vaultStatusSchema>;

export const vaultCalls = {
  'vault.status': { input: z.object({}).strict(), output: vaultStatusSchema },
  'vault.create': {
    input: z.object({ passphrase, useKeychain: z.boolean().default(false) }).strict(),
    output: z.object({ recoveryCode: z.string() }),
  },
  'vault.unlock': {
    input: z.discriminatedUnion('method', [
      z.object({ method: z.literal('passphrase'), passphrase: z.string().min(1).max(1024) }).strict(),
      z.object({ method: z.literal('keychain') }).strict(),
    ]),
    output: vaultStatusSchema,
  },
  'vault.lock': { input: z.object({}).strict(), output: vaultStatusSchema },
  'vault.changePassphrase': {
    input: z.object({ current: z.string().min(1).max(1024), next: passphrase }).strict(),
    output: vaultStatusSchema,
  },
  'vault.recover': {
    input: z.object({ recoveryCode, newPassphrase: passphrase }).strict(),
    output: z.object({ recoveryCode: z.string() }),
  },
  'vault.setAutoLock': {
    input: z
      .object({
        minutes: z
          .number()
          .int()
          .min(0)
          .max(24 * 60),
      })
      .strict(),
    output: vaultStatusSchema,
  },
  'vault.setKeychain': {
    input: z.object({ enabled: z.boolean() }).strict(),
    output: vaultStatusSchema,
  },
  'vault.backup': {
    /** `target` from `files.chooseSave` with kind "backup". */
    input: z.object({ passphrase, target: fileIdSchema }).strict(),
    output: z.object({ file: savedFileSchema }),
  },
  'vault.saveRecoveryCode': {
    input: z
      .object({
        /** Only a code in the shape Stillroom shows it, so nothing else can be written this way. */
        code: z
          .string()
          .regex(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}$/, 'That is not a recovery code.'),
        /** From `files.chooseSave` with kind "recovery-code". */
        target: fileIdSchema,
      })
      .strict(),
    output: z.object({ file: savedFileSchema }),
  },
  'vault.restore': {
    input: z
      .object({
        /** From `files.chooseOpen` with kind "backup". */
        file: fileIdSchema,
        passphrase: z.string().min(1).max(1024),
        /** Must be true when a vault already exists here: it is moved aside, never deleted. */
        replaceExisting: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ recoveryCode: z.string(), safetyCopy: z.string().optional() }),
  },
  /** The page tells the host someone is using it, so idle auto-lock can tell who is away. */
  'app.activity': { input: z.object({}).strict(), output: z.object({}) },
} as const;
