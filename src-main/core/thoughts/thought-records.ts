import {
  ApiFailure,
  type ThinkingTrap,
  type ThoughtRecord,
  type ThoughtRecordInput,
  type ThoughtRecordRestore,
  type ThoughtStatus,
} from '../../contract';

export interface ThoughtRecordListOptions {
  limit: number;
  /** Only records that happened before this moment (paging back in time). */
  before?: string;
  status?: ThoughtStatus;
}

export interface ThoughtRecordRepository {
  /** Creates (no id) or replaces (id) a record; returns it as stored. */
  save(record: ThoughtRecordInput): ThoughtRecord;
  get(id: string): ThoughtRecord | undefined;
  /** Newest first; `total` counts every record with that status (or all), not only this page. */
  list(options: ThoughtRecordListOptions): { records: ThoughtRecord[]; total: number };
  /** The record as it was before it was deleted, or undefined when there was no such record. */
  delete(id: string): ThoughtRecord | undefined;
  /** Puts a deleted record back with its id and times; a `conflict` ApiFailure if the id exists. */
  restore(record: ThoughtRecordRestore): ThoughtRecord;
}

/**
 * Refuses thinking trap ids that the course content does not define. The contract checks their
 * form; only the content knows which exist. The message names the field, not what was sent.
 */
export function checkThinkingTraps(ids: readonly string[], traps: readonly ThinkingTrap[]): void {
  const known = new Set(traps.map((trap) => trap.id));
  const unknown = ids.flatMap((id, index) => (known.has(id) ? [] : [index]));
  if (unknown.length === 0) return;
  const where = unknown.map((index) => `thinkingTraps.${index}`).join(', ');
  throw new ApiFailure(
    'invalid_input',
    `${where}: not one of the thinking traps in Stillroom's course. Choose from the list.`,
  );
}
