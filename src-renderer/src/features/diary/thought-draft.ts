import type { ThoughtRecord, ThoughtRecordInput, ThoughtStatus } from '../../../../src-main/contract';

export interface Rated {
  text: string;
  rating: number | null;
}

/** The form's state: the record as typed, with rows kept even while empty. */
export interface ThoughtDraft {
  situation: string;
  thoughts: Rated[];
  emotions: Rated[];
  traps: string[];
  evidenceFor: string;
  evidenceAgainst: string;
  balancedThought: string;
  reratedBelief: number | null;
  /** How strong each feeling is now, by the feeling's name. */
  reratedEmotions: Record<string, number | null>;
}

export const EMPTY_DRAFT: ThoughtDraft = {
  situation: '',
  thoughts: [{ text: '', rating: null }],
  emotions: [{ text: '', rating: null }],
  traps: [],
  evidenceFor: '',
  evidenceAgainst: '',
  balancedThought: '',
  reratedBelief: null,
  reratedEmotions: {},
};

export function fromRecord(record: ThoughtRecord): ThoughtDraft {
  const rows = (list: Rated[]) => (list.length > 0 ? list : [{ text: '', rating: null }]);
  return {
    situation: record.situation,
    thoughts: rows(record.automaticThoughts.map((t) => ({ text: t.text, rating: t.belief }))),
    emotions: rows(record.emotions.map((e) => ({ text: e.name, rating: e.intensity }))),
    traps: record.thinkingTraps,
    evidenceFor: record.evidenceFor,
    evidenceAgainst: record.evidenceAgainst,
    balancedThought: record.balancedThought,
    reratedBelief: record.rerated.belief,
    reratedEmotions: Object.fromEntries(record.rerated.emotions.map((e) => [e.name, e.intensity])),
  };
}

const blankRow = (row: Rated) => row.text.trim() === '' && row.rating === null;

/** The feelings named so far, the ones to re-rate at the end. */
export function namedEmotions(draft: ThoughtDraft): string[] {
  return draft.emotions.map((e) => e.text.trim()).filter((name) => name !== '');
}

export function isEmpty(draft: ThoughtDraft): boolean {
  return (
    draft.situation.trim() === '' &&
    draft.thoughts.every(blankRow) &&
    draft.emotions.every(blankRow) &&
    draft.traps.length === 0 &&
    !draft.evidenceFor.trim() &&
    !draft.evidenceAgainst.trim() &&
    !draft.balancedThought.trim() &&
    draft.reratedBelief === null
  );
}

/** What thoughts.save is sent: rows left wholly empty are left out. */
export function toInput(
  draft: ThoughtDraft,
  id: string | undefined,
  status: ThoughtStatus,
): ThoughtRecordInput {
  return {
    ...(id ? { id } : {}),
    status,
    situation: draft.situation,
    automaticThoughts: draft.thoughts
      .filter((row) => !blankRow(row))
      .map((row) => ({ text: row.text, belief: row.rating })),
    emotions: draft.emotions
      .filter((row) => !blankRow(row))
      .map((row) => ({ name: row.text, intensity: row.rating })),
    thinkingTraps: draft.traps,
    evidenceFor: draft.evidenceFor,
    evidenceAgainst: draft.evidenceAgainst,
    balancedThought: draft.balancedThought,
    rerated: {
      belief: draft.reratedBelief,
      emotions: namedEmotions(draft).map((name) => ({
        name,
        intensity: draft.reratedEmotions[name] ?? null,
      })),
    },
  };
}

/**
 * The Api names each missing part as "path: message" (for instance
 * "automaticThoughts.0.belief: Rate how much…"); this reads them back, by path.
 */
export function fieldErrors(message: string): { path: string; message: string }[] {
  const marker = ' is not valid: ';
  const at = message.indexOf(marker);
  const list = at >= 0 ? message.slice(at + marker.length) : message;
  return list.split('; ').flatMap((part) => {
    const colon = part.indexOf(': ');
    if (colon <= 0) return [];
    const path = part.slice(0, colon);
    if (!/^[A-Za-z]+(\.[A-Za-z0-9]+)*$/.test(path)) return [];
    return [{ path, message: part.slice(colon + 2) }];
  });
}
