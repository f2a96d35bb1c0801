import { ApiFailure } from '../../../contract';
/** Times are stored in UTC ISO form (fixed width), so that text order is time order. */
export function utc(iso: string): string {
  return new Date(iso).toISOString();
}

/** Bounds for comparing stored times as text: '' sorts before every time, '~' after every one. */
export const EARLIEST = '';
export const LATEST = '~';

/** The earliest of some optional exclusive upper bounds, as a stored-time string. */
export function upperBound(...bounds: (string | undefined)[]): string {
  return bounds.reduce<string>((least, bound) => {
    if (bound === undefined) return least;
    const at = utc(bound);
    return at < least ? at : least;
  }, LATEST);
}

/** The insert hit a row with the same primary key (or another unique key). */
export function isUniqueViolation(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Puts a deleted row back (undo). The row keeps its id, so a second undo finds it already there
 * and gets a clear `conflict` instead of a second copy.
 */
export function insertOnce(insert: { run(row: object): unknown }, row: object, what: string): void {
  try {
    insert.run(row);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new ApiFailure('conflict', `That ${what} is already there, so it was not put back a second time.`);
  }
}
