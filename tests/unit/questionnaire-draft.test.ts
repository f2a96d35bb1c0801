/** A check-in half answered in a room is kept as the room's text draft, and read back safely. */
import { describe, expect, it } from 'vitest';
import {
  questionnaireDraftFromText,
  questionnaireDraftToText,
} from '../../src-renderer/src/features/checkins/questionnaire-draft';

describe('questionnaire draft', () => {
  it('reads back exactly the answers and optional scales it kept', () => {
    const draft = { answers: { 'phq4-1': 1, 'phq4-4': 3, 'cbi-20': 0 }, optional: ['client'] };
    const text = questionnaireDraftToText(draft);
    expect(Object.keys(text)).toHaveLength(2); // a 25-question form still fits the room's 20 fields
    expect(questionnaireDraftFromText(text)).toEqual(draft);
  });

  it('starts afresh from a missing or damaged draft, keeping only well-formed answers', () => {
    expect(questionnaireDraftFromText(undefined)).toEqual({ answers: {}, optional: [] });
    expect(questionnaireDraftFromText({ what: 'a diary draft' })).toEqual({ answers: {}, optional: [] });
    expect(questionnaireDraftFromText({ answers: '{not json', optional: '[1,' })).toEqual({
      answers: {},
      optional: [],
    });
    expect(
      questionnaireDraftFromText({
        answers: '{"a":2,"b":"3","c":null,"d":true,"e":[1]}',
        optional: JSON.stringify(['client', 7, null]),
      }),
    ).toEqual({ answers: { a: 2 }, optional: ['client'] });
    expect(questionnaireDraftFromText({ answers: '[1,2]', optional: '{"a":1}' })).toEqual({
      answers: {},
      optional: [],
    });
  });
});
