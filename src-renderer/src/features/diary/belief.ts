import type { ThoughtRecord } from '../../../../src-main/contract';

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });

/**
 * How much the thought was believed, before and after the balanced thought, for a finished
 * record: "85% → 40%" (in the reader's locale). The first thought is the one re-rated ("the
 * original thought"), so it is the one shown. Undefined for a draft or a record without both.
 */
export function beliefChange(record: ThoughtRecord): string | undefined {
  const before = record.automaticThoughts[0]?.belief;
  const after = record.rerated.belief;
  if (record.status !== 'complete' || before == null || after == null) return undefined;
  return `${percent.format(before / 100)} → ${percent.format(after / 100)}`;
}
