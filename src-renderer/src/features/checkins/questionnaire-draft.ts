/**
 * A questionnaire half-answered inside a session room, kept in the room's draft (text fields of
 * at most 4,000 characters each) so a reload, a crash or the privacy key loses no ticked answer.
 * Answers go in one field rather than one per question: a long questionnaire has more questions
 * than a draft may have fields.
 */
export interface QuestionnaireDraft {
  answers: Record<string, number>;
  optional: string[];
}

export function questionnaireDraftToText(draft: QuestionnaireDraft): Record<string, string> {
  return { answers: JSON.stringify(draft.answers), optional: JSON.stringify(draft.optional) };
}

/** What a stored draft says, keeping only well-formed parts: a damaged draft starts the form afresh. */
export function questionnaireDraftFromText(text: Record<string, string> | undefined): QuestionnaireDraft {
  const answers: Record<string, number> = {};
  for (const [id, value] of Object.entries(parseObject(text?.answers))) {
    if (typeof value === 'number' && Number.isFinite(value)) answers[id] = value;
  }
  const optional = parseJson(text?.optional);
  return {
    answers,
    optional: Array.isArray(optional) ? optional.filter((id): id is string => typeof id === 'string') : [],
  };
}

function parseObject(text: string | undefined): Record<string, unknown> {
  const value = parseJson(text);
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
