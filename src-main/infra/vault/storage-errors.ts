import { ApiFailure } from '../../contract';

const FULL = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);
const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'SQLITE_PERM', 'SQLITE_CANTOPEN']);

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

/**
 * Turns a failed write into a message for people. The transaction has rolled back, so nothing
 * half-written is left, and the page still holds what the user typed.
 */
export function storageFailure(error: unknown): ApiFailure | undefined {
  const code = codeOf(error);
  if (FULL.has(code) || code.startsWith('SQLITE_FULL')) {
    return new ApiFailure(
      'storage_failed',
      'Your disk is full, so this was not saved. What you wrote is still on screen: free some space and try again.',
    );
  }
  if (NOT_WRITABLE.has(code) || code.startsWith('SQLITE_READONLY')) {
    return new ApiFailure(
      'storage_failed',
      'Stillroom cannot write to its data folder (it may be read-only), so this was not saved. What you wrote is still on screen.',
    );
  }
  return undefined;
}

/** Runs a write; storage problems become clear ApiFailures, anything else is rethrown. */
export function guardWrite<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw storageFailure(error) ?? error;
  }
}
