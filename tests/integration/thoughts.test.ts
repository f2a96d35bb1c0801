import { afterEach, describe, expect, it } from 'vitest';
import {
  completionGaps,
  thoughtRecordInputSchema,
  type CallInput,
  type ThoughtRecord,
} from '../../src-main/contract';
import { openVaultApi, type VaultApi } from '../helpers/vault-api';

const PASSPHRASE = 'correct horse battery';
const MINUTE = 60_000;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function openApi() {
  return openVaultApi('stillroom-thoughts-', cleanups);
}

async function createdVault() {
  const opened = openApi();
  await opened.api.value('vault.create', { passphrase: PASSPHRASE });
  return opened;
}

/** A finished thought record, every step filled in. */
function complete(extra: Partial<CallInput<'thoughts.save'>> = {}): CallInput<'thoughts.save'> {
  return {
    status: 'complete',
    occurredAt: '2026-11-25T14:00:00Z',
    situation: 'My manager moved the deadline forward by a week',
    automaticThoughts: [
      { text: 'I will let the whole team down', belief: 85 },
      { text: 'She thinks I am slow', belief: 60 },
    ],
    emotions: [
      { name: 'anxious', intensity: 80 },
      { name: 'ashamed', intensity: 40 },
    ],
    thinkingTraps: ['catastrophising', 'mind-reading'],
    evidenceFor: 'I am behind on the report',
    evidenceAgainst: 'I have met every other deadline this year. She asked me because she trusts me.',
    balancedThought: 'I am behind on one piece of work, and I can ask for help with part of it.',
    rerated: {
      belief: 30,
      emotions: [
        { name: 'anxious', intensity: 40 },
        { name: 'ashamed', intensity: 10 },
      ],
    },
    ...extra,
  };
}

async function saveError(api: VaultApi, input: unknown) {
  return api.error('thoughts.save', input as CallInput<'thoughts.save'>);
}

describe('thinking traps', () => {
  it('are listed from the course content, even while locked', async () => {
    const { api } = openApi();
    const { traps } = await api.value('thoughts.traps', {});
    expect(traps.length).toBeGreaterThanOrEqual(12);
    expect(traps.find((trap) => trap.id === 'mind-reading')).toMatchObject({
      name: 'Mind reading',
      description: expect.stringMatching(/^You .*\.$/),
    });
  });

  it('are checked against the content: unknown, malformed or repeated ids are refused by position', async () => {
    const { api } = await createdVault();

    const unknown = await saveError(api, { thinkingTraps: ['mind-reading', 'not-a-trap'] });
    expect(unknown.code).toBe('invalid_input');
    expect(unknown.message).toBe(
      "thinkingTraps.1: not one of the thinking traps in Stillroom's course. Choose from the list.",
    );
    expect((await saveError(api, { thinkingTraps: ['Mind Reading'] })).message).toMatch(/thinkingTraps\.0/);
    expect((await saveError(api, { thinkingTraps: ['labelling', 'labelling'] })).message).toMatch(
      /thinkingTraps: Choose each thinking trap once/,
    );
    expect((await saveError(api, { thinkingTraps: Array(13).fill('labelling') })).code).toBe('invalid_input');

    const { traps } = await api.value('thoughts.traps', {});
    const all = await api.value('thoughts.save', { thinkingTraps: traps.map((t) => t.id) });
    expect(all.thinkingTraps).toEqual(traps.map((t) => t.id));
    expect((await api.value('thoughts.list', {})).total).toBe(1);
  });
});

describe('drafts', () => {
  it('accept any part of a record, and start with empty steps', async () => {
    const { api, clock } = await createdVault();

    const draft = await api.value('thoughts.save', { situation: 'Open-plan noise all afternoon' });

    const now = new Date(clock.now()).toISOString();
    expect(draft).toEqual({
      id: expect.any(String),
      status: 'draft',
      occurredAt: now,
      situation: 'Open-plan noise all afternoon',
      automaticThoughts: [],
      emotions: [],
      thinkingTraps: [],
      evidenceFor: '',
      evidenceAgainst: '',
      balancedThought: '',
      rerated: { belief: null, emotions: [] },
      createdAt: now,
      updatedAt: now,
    } satisfies ThoughtRecord);
    expect((await api.value('thoughts.get', { id: draft.id })).record).toEqual(draft);
    // Even nothing at all: the page may save before anything is typed.
    expect((await api.value('thoughts.save', {})).status).toBe('draft');
  });

  it('autosave: each save replaces the draft, keeps id, createdAt and occurredAt, and stores text as typed', async () => {
    const { api, clock } = await createdVault();
    const first = await api.value('thoughts.save', {
      occurredAt: '2026-11-25T14:00:00+01:00',
      situation: 'Review ',
    });
    clock.advance(MINUTE);

    const typing = await api.value('thoughts.save', {
      id: first.id,
      situation: 'Review with my manager ',
      automaticThoughts: [
        { text: 'She will  say ', belief: null },
        { text: '', belief: null },
      ],
      emotions: [{ name: 'tense', intensity: null }],
      rerated: { belief: 50, emotions: [] },
    });

    expect(typing).toMatchObject({
      id: first.id,
      createdAt: first.createdAt,
      occurredAt: '2026-11-25T13:00:00.000Z',
      updatedAt: new Date(clock.now()).toISOString(),
      // Exactly as typed: trailing and double spaces, empty rows, unrated thoughts.
      situation: 'Review with my manager ',
      automaticThoughts: [
        { text: 'She will  say ', belief: null },
        { text: '', belief: null },
      ],
      emotions: [{ name: 'tense', intensity: null }],
      rerated: { belief: 50, emotions: [] },
    });
    // Leaving a step out of a later save empties it: a save is the whole record.
    const fewer = await api.value('thoughts.save', { id: first.id, situation: 'Review' });
    expect(fewer).toMatchObject({
      automaticThoughts: [],
      emotions: [],
      rerated: { belief: null, emotions: [] },
    });
    expect((await api.value('thoughts.list', {})).total).toBe(1);

    const gone = await saveError(api, { id: '123e4567-e89b-42d3-a456-426614174000', situation: 'x' });
    expect(gone.code).toBe('not_found');
  });

  it('still refuse what no record may hold: ratings outside 0-100, too many rows, too much text', async () => {
    const { api } = await createdVault();
    for (const [input, field] of [
      [{ automaticThoughts: [{ text: 'x', belief: 101 }] }, 'automaticThoughts.0.belief'],
      [{ automaticThoughts: [{ text: 'x', belief: -1 }] }, 'automaticThoughts.0.belief'],
      [{ automaticThoughts: [{ text: 'x', belief: 50.5 }] }, 'automaticThoughts.0.belief'],
      [{ emotions: [{ name: 'x', intensity: '50' }] }, 'emotions.0.intensity'],
      [{ rerated: { belief: 200, emotions: [] } }, 'rerated.belief'],
      [{ automaticThoughts: Array(11).fill({ text: 'x', belief: 1 }) }, 'automaticThoughts'],
      [{ emotions: Array(11).fill({ name: 'x', intensity: 1 }) }, 'emotions'],
      [{ situation: 'x'.repeat(2001) }, 'situation'],
      [{ automaticThoughts: [{ text: 'x'.repeat(1001), belief: 1 }] }, 'automaticThoughts.0.text'],
      [{ emotions: [{ name: 'x'.repeat(61), intensity: 1 }] }, 'emotions.0.name'],
      [{ evidenceFor: 'x'.repeat(4001) }, 'evidenceFor'],
      [{ balancedThought: 'x'.repeat(2001) }, 'balancedThought'],
      [{ status: 'finished' }, 'status'],
      [{ automaticThoughts: [{ text: 'x', belief: 1, extra: 1 }] }, 'automaticThoughts.0'],
      [{ mood: 'low' }, 'unknown key "mood"'],
    ] as const) {
      const error = await saveError(api, input);
      expect(error.code, JSON.stringify(input).slice(0, 60)).toBe('invalid_input');
      expect(error.message).toContain(field);
    }
    expect((await api.value('thoughts.list', {})).total).toBe(0);
  });
});

describe('completing a record', () => {
  it('saves a record with every step as complete', async () => {
    const { api } = await createdVault();
    const record = await api.value('thoughts.save', complete());
    expect(record).toMatchObject({
      ...complete(),
      occurredAt: '2026-11-25T14:00:00.000Z',
      status: 'complete',
    });
    expect(completionGaps(thoughtRecordInputSchema.parse(complete()))).toEqual([]);
  });

  it.each<[string, Partial<CallInput<'thoughts.save'>>, string]>([
    ['situation', { situation: '   ' }, 'situation: Describe the situation'],
    ['no automatic thought', { automaticThoughts: [] }, 'automaticThoughts: Write down at least one thought'],
    [
      'a thought without its belief',
      {
        automaticThoughts: [
          { text: 'I will fail', belief: 90 },
          { text: 'They know', belief: null },
        ],
      },
      'automaticThoughts.1.belief: Rate how much you believed this thought',
    ],
    [
      'an empty thought row',
      { automaticThoughts: [{ text: ' ', belief: 20 }] },
      'automaticThoughts.0.text: Write the thought, or remove this row',
    ],
    ['no emotion', { emotions: [] }, 'emotions: Name at least one feeling'],
    [
      'an emotion without intensity',
      { emotions: [{ name: 'anxious', intensity: null }] },
      'emotions.0.intensity: Rate how strong this feeling was',
    ],
    ['an unnamed emotion', { emotions: [{ name: '', intensity: 30 }] }, 'emotions.0.name: Name the feeling'],
    ['balanced thought', { balancedThought: '' }, 'balancedThought: Write a balanced thought'],
    [
      're-rated belief',
      { rerated: { belief: null, emotions: [{ name: 'anxious', intensity: 20 }] } },
      'rerated.belief: Rate how much you believe the original thought now',
    ],
    [
      're-rated emotions',
      { rerated: { belief: 20, emotions: [] } },
      'rerated.emotions: Rate how strong your feelings are now',
    ],
    [
      'a re-rated emotion without intensity',
      { rerated: { belief: 20, emotions: [{ name: 'anxious', intensity: null }] } },
      'rerated.emotions.0.intensity',
    ],
  ])('is refused without %s, naming the field', async (_what, change, expected) => {
    const { api } = await createdVault();
    const draft = await api.value('thoughts.save', { ...complete(change), status: 'draft' });
    expect(draft.status).toBe('draft');

    const error = await saveError(api, { ...complete(change), id: draft.id });

    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain(expected);
    // Only that step is named: the dispatcher joins one line per problem with "; ".
    expect(error.message.split('; ')).toHaveLength(1);
    expect((await api.value('thoughts.get', { id: draft.id })).record).toEqual(draft);
  });

  it('names every missing step (the first five) when a bare record is marked complete', async () => {
    const { api } = await createdVault();
    const error = await saveError(api, { status: 'complete', situation: 'Only this so far' });
    for (const field of [
      'automaticThoughts',
      'emotions',
      'balancedThought',
      'rerated.belief',
      'rerated.emotions',
    ]) {
      expect(error.message).toContain(`${field}: `);
    }
    expect(error.message).not.toContain('situation');
  });

  it('goes from draft to complete with the same id, and back to draft to edit', async () => {
    const { api, clock } = await createdVault();
    const draft = await api.value('thoughts.save', { situation: 'Deadline moved' });
    clock.advance(MINUTE);
    const done = await api.value('thoughts.save', complete({ id: draft.id }));
    expect(done).toMatchObject({ id: draft.id, status: 'complete', createdAt: draft.createdAt });
    const reopened = await api.value('thoughts.save', {
      ...complete({ id: draft.id }),
      status: 'draft',
      balancedThought: '',
    });
    expect(reopened.status).toBe('draft');
  });
});

describe('listing, reading, deleting and undoing', () => {
  it('lists newest first, by status, in pages; get answers one', async () => {
    const { api } = await createdVault();
    const saved: ThoughtRecord[] = [];
    for (let n = 0; n < 5; n++) {
      const occurredAt = new Date(Date.UTC(2026, 10, 20 + n, 9)).toISOString();
      saved.push(
        await api.value(
          'thoughts.save',
          n % 2 === 0 ? complete({ occurredAt }) : { occurredAt, situation: `draft ${n}` },
        ),
      );
    }
    const newestFirst = [...saved].reverse().map((r) => r.id);

    const all = await api.value('thoughts.list', {});
    expect(all.records.map((r) => r.id)).toEqual(newestFirst);
    expect(all.total).toBe(5);
    expect(all.records[0]).toEqual(saved[4]);

    const drafts = await api.value('thoughts.list', { status: 'draft' });
    expect(drafts.records.map((r) => r.situation)).toEqual(['draft 3', 'draft 1']);
    expect(drafts.total).toBe(2);
    expect((await api.value('thoughts.list', { status: 'complete' })).total).toBe(3);

    const page = await api.value('thoughts.list', { limit: 2 });
    expect(page.records.map((r) => r.id)).toEqual(newestFirst.slice(0, 2));
    const next = await api.value('thoughts.list', { limit: 2, before: page.records[1]?.occurredAt });
    expect(next.records.map((r) => r.id)).toEqual(newestFirst.slice(2, 4));

    expect((await api.value('thoughts.get', { id: saved[2]?.id ?? '' })).record).toEqual(saved[2]);
    expect(await api.value('thoughts.get', { id: '123e4567-e89b-42d3-a456-426614174000' })).toEqual({
      record: null,
    });
  });

  it('delete answers the record, and restore puts it back exactly, once', async () => {
    const { api, clock } = await createdVault();
    const record = await api.value('thoughts.save', complete());
    const draft = await api.value('thoughts.save', {
      situation: 'half done',
      automaticThoughts: [{ text: 'x', belief: null }],
    });
    clock.advance(30 * MINUTE);

    const deleted = await api.value('thoughts.delete', { id: record.id });
    expect(deleted).toEqual(record);
    expect(await api.value('thoughts.get', { id: record.id })).toEqual({ record: null });
    expect((await api.error('thoughts.delete', { id: record.id })).code).toBe('not_found');
    expect((await api.value('diary.search', { query: 'manager deadline' })).results).toEqual([]);

    expect(await api.value('thoughts.restore', deleted)).toEqual(record);
    expect(await api.value('thoughts.get', { id: record.id })).toEqual({ record });
    expect((await api.value('diary.search', { query: 'manager deadline' })).results.map((r) => r.id)).toEqual(
      [record.id],
    );
    expect((await api.error('thoughts.restore', deleted)).code).toBe('conflict');

    // A draft comes back as a draft, empty rows and all.
    const deletedDraft = await api.value('thoughts.delete', { id: draft.id });
    expect(await api.value('thoughts.restore', deletedDraft)).toEqual(draft);

    // Restore checks like save: a "complete" record with a step missing, or an unknown trap.
    await api.value('thoughts.delete', { id: record.id });
    expect((await api.error('thoughts.restore', { ...deleted, balancedThought: '' })).message).toContain(
      'balancedThought',
    );
    expect(
      (await api.error('thoughts.restore', { ...deleted, thinkingTraps: ['made-up'] })).message,
    ).toContain('thinkingTraps.0');
    expect((await api.value('thoughts.list', {})).records.map((r) => r.id)).toEqual([draft.id]);
    expect(api.internalErrors).toEqual([]);
  });

  it('keeps text exactly as written, markup and quotes included', async () => {
    const { api } = await createdVault();
    const odd = `<script>alert("x")</script> ' " \\ ${'😀'} \u202E مرحبا`;
    const record = await api.value('thoughts.save', {
      situation: odd,
      automaticThoughts: [{ text: odd, belief: 5 }],
      emotions: [{ name: '😩 "tired"', intensity: 5 }],
    });
    expect((await api.value('thoughts.get', { id: record.id })).record).toMatchObject({
      situation: odd,
      automaticThoughts: [{ text: odd, belief: 5 }],
      emotions: [{ name: '😩 "tired"', intensity: 5 }],
    });
  });

  it('is locked with the vault', async () => {
    const { api } = await createdVault();
    const record = await api.value('thoughts.save', complete());
    await api.value('vault.lock', {});
    for (const [name, input] of [
      ['thoughts.save', complete()],
      ['thoughts.get', { id: record.id }],
      ['thoughts.list', {}],
      ['thoughts.delete', { id: record.id }],
      ['thoughts.restore', record],
    ] as const) {
      expect((await api.error(name, input as never)).code, name).toBe('locked');
    }
    // Locked is said first, even for a trap the content does not know.
    expect((await saveError(api, { thinkingTraps: ['made-up'] })).code).toBe('locked');
  });
});
