import fc from 'fast-check';
import { z } from 'zod';
import { apiContract, CALL_NAMES, type CallInput, type CallName } from '../../src-main/contract';

/*
 * fast-check arbitraries for hostile Api input. Values are built as a small JSON tree and written
 * out by hand (toJsonText), so a test can put on the wire what JSON.stringify never writes: `-0`,
 * `1e400`, 10,000 levels of nesting, an own `__proto__` member, the same key twice.
 */

/** JSON text written as is: a number token JSON.stringify cannot produce, or deep nesting. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** An object as its members in order, so `__proto__` and repeated keys reach the wire as written. */
export class Members {
  constructor(readonly entries: [string, JsonNode][]) {}
}

export type JsonNode = null | boolean | number | string | RawJson | Members | JsonNode[];

export function toJsonText(node: JsonNode): string {
  if (node instanceof RawJson) return node.text;
  if (node instanceof Members) {
    return `{${node.entries.map(([key, value]) => `${JSON.stringify(key)}:${toJsonText(value)}`).join(',')}}`;
  }
  if (Array.isArray(node)) return `[${node.map(toJsonText).join(',')}]`;
  return JSON.stringify(node);
}

/** The JSON type a node has once parsed: what a schema sees first. */
function jsonType(node: JsonNode): string {
  if (node instanceof RawJson) {
    const first = node.text.trimStart()[0];
    return first === '[' ? 'array' : first === '{' ? 'object' : first === '"' ? 'string' : 'number';
  }
  if (node instanceof Members) return 'object';
  if (Array.isArray(node)) return 'array';
  return node === null ? 'null' : typeof node;
}

/**
 * Whether each call may change stored data when its input is valid. The record type makes a new
 * call a compile error here until someone decides which it is: a `writes` call is only ever sent
 * input that its schema refuses.
 */
export const CALL_EFFECTS: Record<CallName, 'reads' | 'writes'> = {
  'app.info': 'reads',
  'app.activity': 'reads',
  'settings.get': 'reads',
  'settings.update': 'writes',
  'vault.status': 'reads',
  'vault.create': 'writes',
  // Answers the status and does nothing while the vault is unlocked, as it is in these tests.
  'vault.unlock': 'reads',
  'vault.lock': 'writes',
  'vault.changePassphrase': 'writes',
  'vault.recover': 'writes',
  'vault.setAutoLock': 'writes',
  'vault.setKeychain': 'writes',
  'vault.backup': 'writes',
  'vault.saveRecoveryCode': 'writes',
  'vault.restore': 'writes',
  'diary.save': 'writes',
  'diary.list': 'reads',
  'diary.delete': 'writes',
  'diary.restore': 'writes',
  'diary.search': 'reads',
  'thoughts.traps': 'reads',
  'thoughts.save': 'writes',
  'thoughts.get': 'reads',
  'thoughts.list': 'reads',
  'thoughts.delete': 'writes',
  'thoughts.restore': 'writes',
  'policy.get': 'reads',
  'help.resources': 'reads',
  'help.setCountry': 'writes',
  'measures.list': 'reads',
  'measures.get': 'reads',
  'measures.submit': 'writes',
  'measures.history': 'reads',
  'checkins.getPlan': 'reads',
  'checkins.setPlan': 'writes',
  'safety.getPlan': 'reads',
  'safety.savePlan': 'writes',
  'course.overview': 'reads',
  'course.module': 'reads',
  'course.openStep': 'writes',
  'course.saveAnswers': 'writes',
  'course.completeStep': 'writes',
  'course.finishModule': 'writes',
  'course.restartModule': 'writes',
  'course.getProfile': 'reads',
  'course.saveProfile': 'writes',
  'course.setPlan': 'writes',
  'course.recordTime': 'writes',
  // The first library call of a vault builds its search index; the hostile test makes it first.
  'library.list': 'reads',
  'library.article': 'reads',
  'library.search': 'reads',
  'library.bookmark': 'writes',
  'library.readLater': 'writes',
  'library.markRead': 'writes',
  'library.forYou': 'reads',
  'library.importPack': 'writes',
  'library.packs': 'reads',
  'rooms.current': 'writes',
  'rooms.start': 'writes',
  'rooms.update': 'writes',
  'rooms.advance': 'writes',
  'rooms.finish': 'writes',
  'rooms.summary': 'reads',
  'rooms.getPrefs': 'reads',
  'rooms.setPrefs': 'writes',
  'privacy.getPrefs': 'reads',
  'privacy.setPrefs': 'writes',
  'share.sources': 'reads',
  'share.preview': 'reads',
  'share.suggestPassphrase': 'reads',
  'share.export': 'writes',
  // Only marks an export under way as cancelled; nothing stored changes.
  'share.cancel': 'reads',
  'share.history': 'reads',
  'share.clearHistory': 'writes',
  // The coach view reads a file and stores nothing.
  'share.open': 'reads',
  'reminders.get': 'reads',
  'reminders.saveRule': 'writes',
  'reminders.deleteRule': 'writes',
  'reminders.setPreferences': 'writes',
  'reminders.snooze': 'writes',
  'reminders.exportIcs': 'reads',
  'reminders.setLaunchAtLogin': 'writes',
  'monday.get': 'reads',
  'monday.setPreferences': 'writes',
  // No dialog in the browser host (the page uploads instead); a save target is only held in memory.
  'files.chooseOpen': 'reads',
  'files.chooseSave': 'reads',
  'files.reveal': 'reads',
  'data.overview': 'reads',
  'data.exportAll': 'writes',
  'data.eraseAll': 'writes',
  'drafts.get': 'reads',
  'drafts.save': 'writes',
  'drafts.clear': 'writes',
};

/** One valid input per call (a compile error for a new call until it has one): the shape to break. */
export const VALID_SAMPLES: { [C in CallName]: CallInput<C> } = {
  'app.info': {},
  'app.activity': {},
  'settings.get': {},
  'settings.update': { theme: 'dark' },
  'vault.status': {},
  'vault.create': { passphrase: 'correct horse battery', useKeychain: false },
  'vault.unlock': { method: 'passphrase', passphrase: 'correct horse battery' },
  'vault.lock': {},
  'vault.changePassphrase': { current: 'correct horse battery', next: 'another long passphrase' },
  'vault.recover': { recoveryCode: 'ABCDE-FGHJK-LMNPQ-RSTVW', newPassphrase: 'another long passphrase' },
  'vault.setAutoLock': { minutes: 5 },
  'vault.setKeychain': { enabled: true },
  'vault.backup': { passphrase: 'correct horse battery', target: '123e4567-e89b-42d3-a456-426614174000' },
  'vault.saveRecoveryCode': {
    code: 'ABCDE-FGHJK-MNPQR-STVWX-YZ012',
    target: '123e4567-e89b-42d3-a456-426614174000',
  },
  'vault.restore': { file: '123e4567-e89b-42d3-a456-426614174000', passphrase: 'x', replaceExisting: true },
  'diary.save': {
    id: '123e4567-e89b-42d3-a456-426614174000',
    occurredAt: '2026-11-26T09:00:00Z',
    stress: 5,
    what: 'A long meeting',
    body: 'tight shoulders',
    thoughts: '',
    actions: '',
  },
  'diary.list': {
    limit: 10,
    before: '2026-11-27T00:00:00+01:00',
    from: '2026-11-23T00:00:00+01:00',
    to: '2026-11-30T00:00:00+01:00',
  },
  'diary.delete': { id: '123e4567-e89b-42d3-a456-426614174000' },
  'diary.restore': {
    id: '123e4567-e89b-42d3-a456-426614174000',
    occurredAt: '2026-11-26T09:00:00.000Z',
    stress: 5,
    what: 'A long meeting',
    body: 'tight shoulders',
    thoughts: '',
    actions: '',
    createdAt: '2026-11-26T09:05:00.000Z',
    updatedAt: '2026-11-26T09:05:00.000Z',
  },
  // Search text is never query syntax: hostile strings here are searched for as words.
  'diary.search': { query: 'meeting dead', limit: 10 },
  'thoughts.traps': {},
  // Complete, so each step is required and leaving any out is refused.
  'thoughts.save': {
    id: '123e4567-e89b-42d3-a456-426614174000',
    status: 'complete',
    occurredAt: '2026-11-26T09:00:00Z',
    situation: 'My manager moved the deadline',
    automaticThoughts: [{ text: 'I will let everyone down', belief: 80 }],
    emotions: [{ name: 'anxious', intensity: 70 }],
    thinkingTraps: ['fortune-telling'],
    evidenceFor: 'I am behind on one task',
    evidenceAgainst: 'I have met every other deadline this year',
    balancedThought: 'I am behind on one task, and I can ask for help with it',
    rerated: { belief: 30, emotions: [{ name: 'anxious', intensity: 35 }] },
  },
  'thoughts.get': { id: '123e4567-e89b-42d3-a456-426614174000' },
  'thoughts.list': { limit: 10, before: '2026-11-27T00:00:00+01:00', status: 'draft' },
  'thoughts.delete': { id: '123e4567-e89b-42d3-a456-426614174000' },
  'thoughts.restore': {
    id: '123e4567-e89b-42d3-a456-426614174000',
    status: 'draft',
    occurredAt: '2026-11-26T09:00:00.000Z',
    situation: 'My manager moved the deadline',
    automaticThoughts: [{ text: 'I will let everyone down', belief: null }],
    emotions: [],
    thinkingTraps: [],
    evidenceFor: '',
    evidenceAgainst: '',
    balancedThought: '',
    rerated: { belief: null, emotions: [] },
    createdAt: '2026-11-26T09:05:00.000Z',
    updatedAt: '2026-11-26T09:05:00.000Z',
  },
  'policy.get': {},
  'help.resources': {},
  'help.setCountry': { country: 'IE' },
  'measures.list': {},
  'measures.get': { measureId: 'phq-4' },
  'measures.submit': { measureId: 'phq-4', answers: { q1: 0, q2: 1, q3: 0, q4: 2 }, optionalScales: [] },
  'measures.history': { measureId: 'phq-4', limit: 10 },
  'checkins.getPlan': {},
  'checkins.setPlan': { entries: [{ measureId: 'phq-4', frequency: 'fortnightly' }] },
  'safety.getPlan': {},
  'safety.savePlan': {
    warningSigns: 'Not sleeping',
    copingSteps: '',
    distractions: '',
    peopleToAsk: '',
    professionals: '',
    saferSurroundings: '',
    reasonsToKeepGoing: '',
  },
  'course.overview': {},
  'course.module': { moduleId: 'm1' },
  'course.openStep': { moduleId: 'm1', stepId: 'stress-signature' },
  'course.saveAnswers': {
    moduleId: 'm1',
    stepId: 'stress-signature',
    answers: { body: ['headaches'], thoughts: ['I will never get this done'], 'first-sign': 'Tight jaw' },
  },
  'course.completeStep': { moduleId: 'm1', stepId: 'stress-signature', secondsSpent: 120 },
  'course.finishModule': { moduleId: 'm1' },
  'course.restartModule': { moduleId: 'm1' },
  'course.getProfile': {},
  'course.saveProfile': {
    focusAreas: ['sleep', 'workload'],
    minutesPerWeek: 20,
    baselineResultId: null,
    support: 'coach-on-request',
  },
  'course.setPlan': { order: ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8'] },
  'course.recordTime': { moduleId: 'm1', stepId: 'what-stress-is', secondsSpent: 90 },
  'library.list': {},
  'library.article': { id: 'sleep' },
  // Searched for as words, like diary.search.
  'library.search': { query: 'sleep wor', limit: 10 },
  'library.bookmark': { id: 'sleep', on: true },
  'library.readLater': { id: 'sleep', on: false },
  'library.markRead': { id: 'sleep' },
  'library.forYou': { limit: 4 },
  'library.importPack': { file: '123e4567-e89b-42d3-a456-426614174000' },
  'library.packs': {},
  // rooms.current may close a room left for half a day (recovery), so it counts as a write.
  'rooms.current': {},
  'rooms.start': { plannedMinutes: 5, activity: { kind: 'course-step', moduleId: 'm1', stepId: 'intro' } },
  'rooms.update': {
    id: '123e4567-e89b-42d3-a456-426614174000',
    intention: 'Be kind to myself for ten minutes',
    parked: ['Reply to the invoice email'],
    arrivalRating: 2,
    activity: { kind: 'checkin', measureId: 'phq-4' },
    draft: { what: 'A long meeting' },
    windDownMinutes: 3,
    feelNowRating: 3,
    takeAway: 'Breathe out slowly',
  },
  'rooms.advance': { id: '123e4567-e89b-42d3-a456-426614174000', action: 'exit-early' },
  'rooms.finish': { id: '123e4567-e89b-42d3-a456-426614174000' },
  'rooms.summary': { since: '2026-11-01T00:00:00Z', limit: 10 },
  'rooms.getPrefs': {},
  'rooms.setPrefs': { privacyKey: 'Ctrl+Shift+Space', windDownMinutes: 2 },
  'privacy.getPrefs': {},
  'privacy.setPrefs': { softenScreen: true },
  'share.sources': {},
  'share.preview': {
    diaryEntryIds: [],
    thoughtRecordIds: [],
    checkinResultIds: [],
    note: '</style><script>alert("x")</script>',
    supportPreference: 'coach-on-request',
  },
  'share.suggestPassphrase': {},
  'share.export': {
    exportId: '4b1d2c3e-5f60-4718-8a9b-0c1d2e3f4a5b',
    selection: { note: 'Hello', supportPreference: null },
    protection: { kind: 'passphrase', passphrase: 'correct-horse-battery-staple' },
    recipientLabel: 'Sam, my coach',
    target: '123e4567-e89b-42d3-a456-426614174000',
  },
  'share.cancel': { exportId: '4b1d2c3e-5f60-4718-8a9b-0c1d2e3f4a5b' },
  'share.history': {},
  'share.clearHistory': {},
  'share.open': {
    file: '123e4567-e89b-42d3-a456-426614174000',
    secret: { kind: 'passphrase', passphrase: 'x' },
  },
  'reminders.get': {},
  'reminders.saveRule': {
    label: 'Before the stand-up',
    target: 'room',
    frequency: { kind: 'weekly', days: ['mon', 'thu'] },
    time: '09:30',
    startDate: '2026-11-26',
    endDate: '2027-03-31',
    enabled: true,
  },
  'reminders.deleteRule': { id: '123e4567-e89b-42d3-a456-426614174000' },
  'reminders.setPreferences': { quietHours: { start: '22:00', end: '07:00' }, pausedUntil: '2026-12-24' },
  'reminders.snooze': { choice: '10m', target: 'checkin' },
  'reminders.exportIcs': {
    ruleId: '123e4567-e89b-42d3-a456-426614174000',
    title: 'Focus time',
    minutes: 20,
    target: '123e4567-e89b-42d3-a456-426614174000',
  },
  'reminders.setLaunchAtLogin': { enabled: true },
  'monday.get': {},
  'monday.setPreferences': { enabled: true, time: '09:00' },
  'files.chooseOpen': { kind: 'share' },
  'files.chooseSave': { kind: 'backup' },
  'files.reveal': { id: '123e4567-e89b-42d3-a456-426614174000' },
  'data.overview': {},
  'data.exportAll': {
    passphrase: 'a long export passphrase',
    target: '123e4567-e89b-42d3-a456-426614174000',
  },
  'data.eraseAll': { confirm: 'ERASE', backups: true, safetyCopies: false },
  'drafts.get': { key: 'diary.quick' },
  'drafts.save': { key: 'diary.quick', fields: { what: 'A long meeting' } },
  'drafts.clear': { key: 'diary.quick' },
};

/** What the dispatcher will decide about this (already parsed) input: the test's oracle. */
export function inputIsValid(name: CallName, parsed: unknown): boolean {
  return apiContract[name].input.safeParse(parsed ?? {}).success;
}

/** Every key any variant of a call's input object knows. */
export function knownKeys(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).flatMap(knownKeys);
  return [];
}

function sampleEntries(name: CallName): [string, JsonNode][] {
  return Object.entries(VALID_SAMPLES[name]) as [string, JsonNode][];
}

/** Keys without which the sample is refused. */
function requiredKeys(name: CallName): string[] {
  const entries = sampleEntries(name);
  return entries
    .map(([key]) => key)
    .filter((key) => !inputIsValid(name, Object.fromEntries(entries.filter(([k]) => k !== key))));
}

const oddCharacters = [
  '\uD800', // lone high surrogate
  '\uDBFF',
  '\uDC00', // lone low surrogate
  '\uDFFF',
  '\u0000',
  '\u0007',
  '\u001F',
  '\u007F',
  '\u202E', // right-to-left override
  '\u200F', // right-to-left mark
  '\u200E',
  '\u2066',
  '\u061C',
  '\uFEFF', // byte order mark
  '\u200B',
  '\u2028',
  '\u2029',
  '\uFFFE',
  '\uFFFF',
  '\u0301', // combining accent with nothing to combine with
  '\u{1F600}',
  '\u{10FFFF}',
  '"',
  '\\',
  '/',
  '%',
  '<',
  '&',
  '\n',
  ' ',
];

/** One unit of a hostile string: odd characters, any code point, or a printable grapheme. */
const hostileUnit = fc.oneof(
  fc.constantFrom(...oddCharacters),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
);

export const hostileString = (maxLength = 32) => fc.string({ unit: hostileUnit, maxLength });

/** Strings that look like something else to a careless parser. */
const trickyStrings = fc.constantFrom(
  '',
  ' ',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e308',
  '0x10',
  '5',
  'true',
  'null',
  'undefined',
  '{}',
  '[]',
  '__proto__',
  'constructor',
  'dark',
  'passphrase',
  'keychain',
  '2026-13-45T25:61:61Z',
  '0000-00-00T00:00:00Z',
  '2026-11-26',
  '123e4567-e89b-42d3-a456-42661417400',
  '../../../../etc/passwd',
  '\\\\?\\C:\\Windows',
  '<script>alert(1)</script>',
  "'; DROP TABLE stress_entries; --",
);

/** Numbers, including tokens JSON.stringify never writes. */
export const hostileNumber: fc.Arbitrary<JsonNode> = fc.oneof(
  fc.constantFrom<JsonNode>(
    0,
    1,
    -1,
    1.5,
    1e308,
    -1e308,
    5e-324,
    2 ** 31,
    2 ** 53 + 2,
    -(2 ** 53),
    new RawJson('-0'),
    new RawJson('-0.0'),
    new RawJson('1e400'),
    new RawJson('-1e400'),
    new RawJson('1E2'),
    new RawJson('1e-400'),
    new RawJson(`1${'0'.repeat(400)}`),
    new RawJson('0.1e1'),
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/**
 * Numbers no numeric field of the contract accepts (each is an integer with a small positive
 * range): negative, fractional, huge or infinite once parsed.
 */
const refusedNumber = fc.constantFrom<JsonNode>(
  -1,
  -0.5,
  0.5,
  1.5,
  1e308,
  -1e308,
  5e-324,
  2 ** 53 + 2,
  100_000,
  new RawJson('1e400'),
  new RawJson('-1e400'),
  new RawJson('-1'),
  new RawJson('10.000001'),
);

/** A string longer than any string field allows (the longest is 4096 code points, as zod counts). */
const overlongString = fc
  .tuple(hostileString(8), fc.integer({ min: 4097, max: 6000 }))
  .map(([unit, length]) => {
    const repeated = unit || 'x';
    return repeated.repeat(Math.ceil(length / Array.from(repeated).length));
  });

/** Nesting as raw text, from shallow to far deeper than JSON.stringify can recurse. */
export function nested(depth: number, kind: 'array' | 'object'): RawJson {
  return kind === 'array'
    ? new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`)
    : new RawJson(`${'{"a":'.repeat(depth)}null${'}'.repeat(depth)}`);
}

const deepValue = fc
  .tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('array' as const, 'object' as const))
  .map(([depth, kind]) => nested(depth, kind));

export const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  '__lookupGetter__',
  'isPrototypeOf',
];

/** Keys a caller might send: prototype names, near-misses of real keys, anything at all. */
export const hostileKey = fc.oneof(
  fc.constantFrom(
    ...PROTOTYPE_KEYS,
    'polluted',
    'isAdmin',
    '',
    ' ',
    'Theme',
    'theme ',
    '\u202Etheme',
    'a\u0000b',
  ),
  hostileString(24),
);

const leaf: fc.Arbitrary<JsonNode> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  hostileNumber,
  hostileString(),
  trickyStrings,
);

/** Any JSON value, small, with hostile leaves and hostile keys. */
export const hostileValue: fc.Arbitrary<JsonNode> = fc.letrec<{ value: JsonNode }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 }).map((entries) => new Members(entries)),
  ),
})).value;

function withMember(entries: [string, JsonNode][], member: [string, JsonNode], at: number) {
  const position = at % (entries.length + 1);
  return new Members([...entries.slice(0, position), member, ...entries.slice(position)]);
}

/**
 * Input the call's schema refuses, by construction: an unknown key (inputs are strict), one
 * field of the wrong JSON type, a number or string out of every field's range, a required field
 * left out, something that is not an object at all, or an unknown key holding deep nesting.
 */
export function invalidInput(name: CallName): fc.Arbitrary<JsonNode> {
  const sample = sampleEntries(name);
  const known = new Set(knownKeys(apiContract[name].input));
  const unknownKey = hostileKey.filter((key) => !known.has(key));

  const extraKey = fc
    .tuple(fc.subarray(sample), unknownKey, fc.oneof(hostileValue, deepValue), fc.nat())
    .map(([kept, key, value, at]) => withMember(kept, [key, value], at));

  const notAnObject = fc.oneof(
    hostileString(),
    trickyStrings,
    hostileNumber,
    fc.boolean(),
    fc.array(hostileValue, { maxLength: 5 }),
    fc.constant<JsonNode>([new Members(sample)]),
    deepValue.filter((value) => jsonType(value) === 'array'),
  );

  const modes: fc.Arbitrary<JsonNode>[] = [extraKey, notAnObject];

  if (sample.length > 0) {
    const index = fc.integer({ min: 0, max: sample.length - 1 });
    const replace = (at: number, value: JsonNode) =>
      new Members(sample.map(([key, old], i) => [key, i === at ? value : old]));
    modes.push(
      fc
        .tuple(index, fc.oneof(hostileValue, deepValue))
        .filter(([at, value]) => jsonType(value) !== jsonType(sample[at]![1]))
        .map(([at, value]) => replace(at, value)),
      fc.tuple(index, refusedNumber, overlongString).map(([at, number, string]) => {
        const old = sample[at]![1];
        // A boolean has no range to leave: give it the string "true" instead.
        return replace(at, typeof old === 'number' ? number : typeof old === 'string' ? string : String(old));
      }),
    );
  }

  const required = requiredKeys(name);
  if (required.length > 0) {
    modes.push(
      fc.constantFrom(...required).map((missing) => new Members(sample.filter(([key]) => key !== missing))),
    );
  }

  return fc.oneof(...modes);
}

/** Input near a valid one: each field kept, dropped, nudged or replaced by anything. May be valid. */
export function nearValidInput(name: CallName): fc.Arbitrary<JsonNode> {
  const sample = sampleEntries(name);
  const isoMoment = fc
    .tuple(
      fc.date({
        min: new Date('0001-01-01T00:00:00Z'),
        max: new Date('9999-12-31T23:59:59Z'),
        noInvalidDate: true,
      }),
      fc.constantFrom('Z', '+00:00', '-00:00', '+14:00', '-12:00', '+05:45', '+99:99', ''),
      fc.boolean(),
    )
    .map(([date, zone, millis]) => {
      const iso = date.toISOString();
      return `${millis ? iso.slice(0, -1) : iso.slice(0, 19)}${zone}`;
    });
  const nudged = (value: JsonNode): fc.Arbitrary<JsonNode> => {
    if (typeof value === 'number') return fc.oneof(fc.integer({ min: -3, max: 1500 }), hostileNumber);
    if (typeof value === 'string')
      return fc.oneof(fc.constant(value), isoMoment, hostileString(), trickyStrings);
    if (typeof value === 'boolean') return fc.boolean();
    return fc.constant(value);
  };
  const fields = sample.map(([key, value]) =>
    fc
      .oneof(
        { weight: 3, arbitrary: nudged(value) },
        { weight: 1, arbitrary: hostileValue },
        { weight: 1, arbitrary: fc.constant(undefined) },
      )
      .map((next): [string, JsonNode] | undefined => (next === undefined ? undefined : [key, next])),
  );
  return fc
    .tuple(...fields)
    .map((entries) => new Members(entries.filter((entry): entry is [string, JsonNode] => !!entry)));
}

/** Every call with its invalid-input arbitrary, for properties that pick the call too. */
export const anyCallWithInvalidInput = fc
  .constantFrom(...CALL_NAMES)
  .chain((name) => invalidInput(name).map((input) => ({ name, input })));
