import { rmSync } from 'node:fs';
import {
  type ApiError,
  type CallInput,
  type CallName,
  type CallOutput,
  type Result,
} from '../../src-main/contract';
import { createDispatcher } from '../../src-main/core/api/dispatch';
import { createHandlers } from '../../src-main/core/app-handlers';
import { createSettingsService } from '../../src-main/core/settings/settings-service';
import type { Clock } from '../../src-main/core/clock';
import type { VaultService } from '../../src-main/core/vault/vault-service';
import { tempDir, testHandlerServices } from './host-harness';
import { createTestFiles } from './file-picks';
import { createTestVault, fakeClock } from './vault-harness';

/** Any recovery code Stillroom shows: five groups of five Crockford base32 characters. */
export const RECOVERY_CODE_FORMAT = /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}$/;

/**
 * The real dispatcher and handler table over a given vault, as the shell and the host wire them.
 * Errors the dispatcher had to turn into `internal` are kept, so a test can insist there were none.
 */
export function createVaultApi(
  vault: VaultService,
  clock?: Clock,
  /** Services a test gives itself (a policy, the share file store), over the usual ones. */
  extra: Partial<Parameters<typeof createHandlers>[0]> = {},
) {
  const internalErrors: { call: string; error: unknown }[] = [];
  const files = createTestFiles(undefined, clock);
  let settings: unknown = {};
  const dispatch = createDispatcher(
    createHandlers({
      info: () => ({ name: 'Stillroom', version: '0.0.0', host: 'browser', platform: 'linux', dataDir: '' }),
      settings: createSettingsService({
        read: () => settings,
        write: (next) => {
          settings = next;
        },
      }),
      vault,
      ...testHandlerServices(),
      files: files.registry,
      ...(clock ? { clock } : {}),
      ...extra,
    }),
    (call, error) => internalErrors.push({ call, error }),
  );

  function call<C extends CallName>(name: C, input: CallInput<C>): Promise<Result<CallOutput<C>>> {
    return dispatch(name, input) as Promise<Result<CallOutput<C>>>;
  }

  /** The call's value; throws (failing the test) with the error code when it did not succeed. */
  async function value<C extends CallName>(name: C, input: CallInput<C>): Promise<CallOutput<C>> {
    const result = await call(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
    return result.value;
  }

  /** The call's error; throws (failing the test) when it unexpectedly succeeded. */
  async function error<C extends CallName>(name: C, input: CallInput<C>): Promise<ApiError> {
    const result = await call(name, input);
    if (result.ok) throw new Error(`${name} succeeded but was expected to fail`);
    return result.error;
  }

  return { call, value, error, dispatch, internalErrors, vault, files };
}

export type VaultApi = ReturnType<typeof createVaultApi>;

/** A diary entry as the page would send it; `n` makes each one distinct and ordered in time. */
export function diaryEntry(n: number, extra: Partial<CallInput<'diary.save'>> = {}): CallInput<'diary.save'> {
  return {
    occurredAt: new Date(Date.UTC(2026, 10, 1 + (n % 28), 8, n)).toISOString(),
    stress: n % 11,
    what: `Meeting ${n} ran over; the deadline moved again`,
    body: `Tight shoulders (${n})`,
    thoughts: `I will never catch up (${n}) — ærlig talt`,
    actions: `Walked round the block (${n})`,
    ...extra,
  };
}

/** Every entry, newest first (tests keep well under one page of 200). */
export async function allEntries(api: VaultApi): Promise<CallOutput<'diary.list'>['entries']> {
  const page = await api.value('diary.list', { limit: 200 });
  if (page.total !== page.entries.length) throw new Error(`expected one page, total is ${page.total}`);
  return page.entries;
}

/**
 * A fresh real vault (real cipher, test-cheap scrypt) in its own temp folder, on a fake clock,
 * behind the real dispatcher. `cleanups` gets what closes and removes it; the vault is not yet
 * created, so a test can look at the empty state first.
 */
export function openVaultApi(folderPrefix: string, cleanups: (() => void)[]) {
  const dataDir = tempDir(folderPrefix);
  const clock = fakeClock();
  const vault: VaultService = createTestVault(dataDir, { clock });
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  cleanups.push(() => vault.close());
  return { api: createVaultApi(vault), dataDir, clock, vault };
}
