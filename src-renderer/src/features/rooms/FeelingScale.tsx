import { FEELING_LABELS } from '../../../../src-main/contract/plain';
import { ChipChoices } from './ChipChoices';

const FEELINGS = FEELING_LABELS.map((label, index) => ({ value: index + 1, label }));

/** "How do you feel?" from 1 (very low) to 5 (very good), as five small chips (radio buttons). */
export function FeelingScale({
  legend,
  value,
  onChange,
}: {
  legend: string;
  value: number | null;
  onChange: (value: number) => void;
}) {
  return <ChipChoices legend={legend} options={FEELINGS} value={value} onChange={onChange} />;
}

export function feelingLabel(value: number | null): string {
  return value === null ? '' : (FEELING_LABELS[value - 1] ?? '').toLowerCase();
}
