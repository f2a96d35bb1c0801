import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CourseStep, ModuleId } from '../../src-main/contract';
import { checkAnswers, missingRequired } from '../../src-main/core/course/answers';
import { moduleMinutes, quickMinutes } from '../../src-main/core/course/course-content';
import type { AttemptRecord, StepRecord } from '../../src-main/core/course/course-repository';
import { continueTarget, moduleProgress, stepProgress } from '../../src-main/core/course/progress';
import { recommend, weeklyPlan, type ModuleFacts } from '../../src-main/core/course/recommendation';
import { loadCourse } from '../../src-main/infra/content/course-content';
import { projectRoot } from '../helpers/layering';

const course = loadCourse(join(projectRoot, 'content')).map((loaded) => loaded.module);
const facts: ModuleFacts[] = course.map((m) => ({
  id: m.id,
  number: m.number,
  core: m.core,
  focusAreas: m.focusAreas,
  minutes: moduleMinutes(m),
  quickMinutes: quickMinutes(m),
}));
const CORE = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'];

describe('recommendation', () => {
  it('starts with m1, ends with m7, keeps m3 after m2, and has every core module once', () => {
    for (const focusAreas of [
      [],
      ['worry'],
      ['sleep', 'workload'],
      ['boundaries', 'low-mood', 'wellbeing'],
    ] as const) {
      for (const band of [null, 'low', 'moderate', 'high'] as const) {
        const { order } = recommend(facts, { focusAreas, minutesPerWeek: 30, band });
        expect(order[0]).toBe('m1');
        expect(order.at(-1)).toBe('m7');
        expect(order.indexOf('m3')).toBeGreaterThan(order.indexOf('m2'));
        expect(order.filter((id) => CORE.includes(id)).sort()).toEqual([...CORE].sort());
        expect(new Set(order).size).toBe(order.length);
      }
    }
  });

  it('follows the answers: different focus areas give different orders and optional modules', () => {
    const sleepy = recommend(facts, { focusAreas: ['sleep', 'workload'], minutesPerWeek: 30, band: 'high' });
    const worried = recommend(facts, { focusAreas: ['worry', 'wellbeing'], minutesPerWeek: 30, band: 'low' });
    expect(sleepy.order).not.toEqual(worried.order);
    expect(sleepy.suggestedOptional.map((s) => s.moduleId)).toEqual(['m8', 'm10']);
    expect(worried.suggestedOptional).toEqual([]);
    // Sleep comes straight after understanding stress; workload after solving problems.
    expect(sleepy.order[1]).toBe('m8');
    expect(sleepy.order.indexOf('m10')).toBe(sleepy.order.indexOf('m4') + 1);
    // A high stress check brings relaxation and problem solving forward.
    expect(sleepy.order.indexOf('m5')).toBeLessThan(sleepy.order.indexOf('m6'));
  });

  it('suggests m9 for boundaries or relationships and nothing optional without a reason', () => {
    for (const area of ['boundaries', 'relationships'] as const)
      expect(
        recommend(facts, { focusAreas: [area], minutesPerWeek: 30, band: null }).suggestedOptional,
      ).toEqual([{ moduleId: 'm9', reason: expect.stringMatching(/boundaries/) as unknown as string }]);
    expect(recommend(facts, { focusAreas: [], minutesPerWeek: 30, band: null }).order).toEqual(CORE);
  });

  it('follows the 5-minute routes when the stated time cannot fit the full course in eight weeks', () => {
    expect(recommend(facts, { focusAreas: [], minutesPerWeek: 10, band: null }).route).toBe('quick');
    expect(
      recommend(facts, { focusAreas: ['sleep', 'workload'], minutesPerWeek: 20, band: null }).route,
    ).toBe('mixed');
    expect(recommend(facts, { focusAreas: [], minutesPerWeek: 60, band: null }).route).toBe('full');
  });
});

describe('weekly plan', () => {
  const total = (order: ModuleId[], route: 'full' | 'quick') =>
    order.reduce((sum, id) => {
      const f = facts.find((x) => x.id === id);
      return sum + (route === 'full' ? (f?.minutes ?? 0) : (f?.quickMinutes ?? 0));
    }, 0);

  it.each([10, 20, 30, 60])('never asks more than %i minutes in a week and covers every minute', (budget) => {
    const order = ['m1', 'm8', 'm2', 'm3', 'm4', 'm10', 'm5', 'm6', 'm7'] as ModuleId[];
    const weeks = weeklyPlan(order, facts, budget);
    for (const week of weeks) expect(week.minutes).toBeLessThanOrEqual(budget);
    const planned = weeks.flatMap((w) => w.items).filter((item) => !item.continued);
    const expected = planned.reduce((sum, item) => sum + total([item.moduleId], item.route), 0);
    expect(weeks.reduce((sum, w) => sum + w.minutes, 0)).toBe(expected);
    // Full routes first: once a module is quick, every later one is too.
    const routes = planned.map((item) => item.route);
    expect(routes).toEqual([...routes].sort());
    if (total(order, 'full') <= budget * 8) expect(routes.every((r) => r === 'full')).toBe(true);
    expect(weeks.map((w) => w.week)).toEqual(weeks.map((_, i) => i + 1));
    const firstAppearance = order.map((id) =>
      weeks.findIndex((w) => w.items.some((item) => item.moduleId === id)),
    );
    expect(firstAppearance).toEqual([...firstAppearance].sort((a, b) => a - b));
  });

  it('spreads the core course over about eight weeks at 20 minutes a week, full routes', () => {
    const weeks = weeklyPlan(CORE as ModuleId[], facts, 20);
    expect(weeks.flatMap((w) => w.items).every((item) => item.route === 'full')).toBe(true);
    expect(weeks.length).toBeGreaterThanOrEqual(7);
    expect(weeks.length).toBeLessThanOrEqual(10);
  });

  it('plans only what is left, on the route each module follows', () => {
    const order = CORE as ModuleId[];
    const allDone = new Map(order.map((id) => [id, { done: true, minutesLeft: { full: 0, quick: 0 } }]));
    expect(weeklyPlan(order, facts, 20, allDone)).toEqual([]);
    const m1 = facts.find((f) => f.id === 'm1') as ModuleFacts;
    // One of m1's quick steps done: 2 minutes of its 5-minute route are left, more of the full one.
    const started = new Map([
      ['m1' as ModuleId, { done: false, minutesLeft: { full: m1.minutes - 3, quick: 2 } }],
    ]);
    // At 10 minutes a week every module is on its 5-minute route.
    expect(weeklyPlan(order, facts, 10, started)[0]?.items[0]).toEqual({
      moduleId: 'm1',
      route: 'quick',
      minutes: 2,
      continued: true,
    });
    // At 60 minutes a week it is on its full route.
    expect(weeklyPlan(order, facts, 60, started)[0]?.items[0]).toEqual({
      moduleId: 'm1',
      route: 'full',
      minutes: m1.minutes - 3,
      continued: true,
    });
  });

  it('fits the 5-minute routes into 10 minutes a week', () => {
    const weeks = weeklyPlan(CORE as ModuleId[], facts, 10);
    expect(weeks.every((w) => w.items.every((item) => item.route === 'quick'))).toBe(true);
    expect(weeks.length).toBeLessThanOrEqual(8);
  });
});

describe('progress', () => {
  const m1 = course[0]!;
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 26, 9, minute)).toISOString();
  const step = (stepId: string, extra: Partial<StepRecord> = {}): StepRecord => ({
    moduleId: 'm1',
    attempt: 1,
    stepId,
    startedAt: at(0),
    lastOpenedAt: at(0),
    completedAt: null,
    secondsSpent: 0,
    answers: null,
    answersUpdatedAt: null,
    diaryLink: null,
    ...extra,
  });
  const attempt = (extra: Partial<AttemptRecord> = {}): AttemptRecord => ({
    moduleId: 'm1',
    attempt: 1,
    startedAt: at(0),
    completedAt: null,
    ...extra,
  });

  it('is to do, in progress, then done; time left follows the estimates; time spent adds up', () => {
    expect(moduleProgress(m1, true, [], []).status).toBe('to-do');
    expect(moduleProgress(m1, true, [], []).minutesLeft).toBe(moduleMinutes(m1));
    const first = m1.steps[0]!;
    const steps = [step(first.id, { completedAt: at(3), secondsSpent: 200 })];
    const going = moduleProgress(m1, true, [attempt()], steps);
    expect(going).toMatchObject({ status: 'in-progress', stepsDone: 1, secondsSpent: 200 });
    expect(going.minutesLeft).toBe(moduleMinutes(m1) - first.minutes);
    const done = moduleProgress(m1, true, [attempt({ completedAt: at(9) })], steps);
    expect(done).toMatchObject({ status: 'done', minutesLeft: 0, timesDone: 1 });
  });

  it('a redo starts fresh and shows the answers from last time', () => {
    const answers = { 'first-sign': 'Tight jaw' };
    const attempts = [attempt({ completedAt: at(9) }), attempt({ attempt: 2, startedAt: at(20) })];
    const steps = [step('stress-signature', { completedAt: at(5), answers, secondsSpent: 100 })];
    expect(moduleProgress(m1, true, attempts, steps)).toMatchObject({
      status: 'to-do',
      attempt: 2,
      timesDone: 1,
      stepsDone: 0,
      secondsSpent: 100,
    });
    expect(stepProgress('m1', 'stress-signature', attempts, steps)).toMatchObject({
      answers: null,
      completedAt: null,
      previousAnswers: answers,
    });
  });

  it('continues where the user left off, else the next module in their plan', () => {
    const plan = ['m2', 'm1'] as ModuleId[];
    const m2 = course[1]!;
    expect(continueTarget(course, plan, [], [])).toMatchObject({
      moduleId: 'm2',
      stepId: m2.steps[0]!.id,
      resumed: false,
    });
    const steps = [step(m1.steps[0]!.id, { completedAt: at(2) })];
    expect(continueTarget(course, plan, [attempt()], steps)).toMatchObject({
      moduleId: 'm1',
      stepId: m1.steps[1]!.id,
      minutes: m1.steps[1]!.minutes,
      resumed: true,
    });
    expect(continueTarget(course, plan, [attempt({ completedAt: at(9) })], steps)).toMatchObject({
      moduleId: 'm2',
    });
  });
});

describe('answers are checked against the step', () => {
  const exercise: CourseStep = {
    kind: 'exercise',
    id: 'try',
    title: 'Try',
    minutes: 2,
    body: 'x',
    quick: false,
    why: 'Because.',
    fields: [
      { type: 'text', id: 'what', label: 'What happened?', lines: 2, optional: false },
      { type: 'list', id: 'good', label: 'Good things', maxItems: 3, optional: true },
      {
        type: 'scale',
        id: 'stress',
        label: 'Stress',
        min: 0,
        max: 10,
        minLabel: 'None',
        maxLabel: 'Most',
        optional: false,
      },
      {
        type: 'choice',
        id: 'pick',
        label: 'Pick',
        multiple: false,
        optional: true,
        options: [
          { id: 'a', label: 'A' },
          { id: 'b', label: 'B' },
        ],
      },
      {
        type: 'choice',
        id: 'many',
        label: 'Many',
        multiple: true,
        optional: true,
        options: [
          { id: 'a', label: 'A' },
          { id: 'b', label: 'B' },
        ],
      },
    ],
  };

  it('accepts answers of the right kind, partial ones too', () => {
    expect(
      checkAnswers(exercise, {
        what: 'A meeting',
        good: ['tea', 'sun'],
        stress: 10,
        pick: 'b',
        many: ['a', 'b'],
      }),
    ).toEqual([]);
    expect(checkAnswers(exercise, {})).toEqual([]);
  });

  it('refuses unknown fields, wrong types, out-of-range scales, unknown options and long lists', () => {
    const messages = (answers: Record<string, unknown>) =>
      checkAnswers(exercise, answers as never).map((issue) => issue.message);
    expect(messages({ nope: 'x' })).toEqual(['This step has no field "nope".']);
    expect(messages({ what: 3 })).toEqual(['What happened?: this needs text.']);
    expect(messages({ stress: 11 })).toEqual(['Stress: choose a number from 0 to 10.']);
    expect(messages({ stress: 2.5 })).toEqual(['Stress: this needs a whole number.']);
    expect(messages({ pick: 'c' })).toEqual(['Pick: choose one of the options shown.']);
    expect(messages({ many: ['a', 'a'] })).toEqual(['Many: each option can be chosen once.']);
    expect(messages({ many: 'a' })).toEqual(['Many: this needs a list of options.']);
    expect(messages({ good: ['1', '2', '3', '4'] })).toEqual(['Good things: this takes up to 3 items.']);
    expect(messages({ what: 'x'.repeat(4001) })).toEqual([
      'What happened?: keep this under 4000 characters.',
    ]);
  });

  it('names the required fields still empty before a step can be finished', () => {
    expect(missingRequired(exercise, null)).toEqual(['What happened?', 'Stress']);
    expect(missingRequired(exercise, { what: '  ', stress: 0 })).toEqual(['What happened?']);
  });

  it('checks quiz answers against the question options', () => {
    const quiz = course.flatMap((m) => m.steps).find((s) => s.kind === 'quiz');
    if (quiz?.kind !== 'quiz') throw new Error('the course has a quiz');
    const q = quiz.questions[0]!;
    expect(checkAnswers(quiz, { [q.id]: q.best })).toEqual([]);
    expect(checkAnswers(quiz, { [q.id]: 'not-an-option' })).toHaveLength(1);
    expect(checkAnswers(quiz, { nope: q.best })).toHaveLength(1);
  });
});
