// What other features may use from here (DESIGN.md: a feature takes another's piece only through its index.ts).
export { QuickEntryForm } from './QuickEntryForm';
export { ThoughtRecordForm } from './ThoughtRecordForm';
export { diaryItem } from './diary-links';
