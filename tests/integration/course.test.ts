import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { courseShareSummary } from '../../src-main/core/course/share';
import { loadCourse } from '../../src-main/infra/content/course-content';
import { projectRoot } from '../helpers/layering';
import { openVaultApi } from '../helpers/vault-api';

/** Issue 4 on the real encrypted vault: answers, progress, redo, profile and plan. */

const PASSPHRASE = 'correct horse battery';
const MINUTE = 60_000;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

async function openCourse() {
  const opened = openVaultApi('stillroom-course-', cleanups);
  await opened.api.value('vault.create', { passphrase: PASSPHRASE });
  return opened;
}

const SIGNATURE = {
  body: ['headaches', 'tense-muscles'],
  'body-other': '',
  thoughts: ['I will never get this done', 'Replaying the meeting'],
  behaviour: ['Skipping lunch'],
  'first-sign': 'My shoulders creep up',
};

type CourseApi = Awaited<ReturnType<typeof openCourse>>['api'];

/** Does one step of module 1 as a user would: open it, answer it if it asks, mark it done. */
async function doM1Step(api: CourseApi, stepId: string, secondsSpent: number, beforeDone = () => {}) {
  await api.value('course.openStep', { moduleId: 'm1', stepId });
  if (stepId === 'stress-signature')
    await api.value('course.saveAnswers', { moduleId: 'm1', stepId, answers: SIGNATURE });
  if (stepId === 'start-your-diary')
    await api.value('course.saveAnswers', {
      moduleId: 'm1',
      stepId,
      answers: { what: 'Late train', stress: 6 },
    });
  beforeDone();
  await api.value('course.completeStep', { moduleId: 'm1', stepId, secondsSpent });
}

/** Onboarding with no focus areas and no stress check, at the given minutes a week. */
function planFor(api: CourseApi, minutesPerWeek: number) {
  return api.value('course.saveProfile', {
    focusAreas: [],
    minutesPerWeek,
    baselineResultId: null,
    support: 'on-my-own',
  });
}

describe('the course in the vault', () => {
  it('saves answers, shows them again after locking, and takes edits', async () => {
    const { api, clock } = await openCourse();
    await api.value('course.openStep', { moduleId: 'm1', stepId: 'stress-signature' });
    clock.advance(MINUTE);
    const saved = await api.value('course.saveAnswers', {
      moduleId: 'm1',
      stepId: 'stress-signature',
      answers: SIGNATURE,
    });
    expect(saved.answers).toEqual(SIGNATURE);
    await api.value('vault.lock', {});
    expect((await api.error('course.module', { moduleId: 'm1' })).code).toBe('locked');
    await api.value('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    const again = await api.value('course.module', { moduleId: 'm1' });
    const step = again.module.steps.find((s) => s.id === 'stress-signature');
    expect(step?.progress.answers).toEqual(SIGNATURE);
    expect(again.progress.status).toBe('in-progress');
    expect(again.articles).toContainEqual({ id: 'stress-and-the-body', title: 'Stress and your body' });

    const edited = { ...SIGNATURE, 'first-sign': 'I stop taking breaks' };
    await api.value('course.saveAnswers', { moduleId: 'm1', stepId: 'stress-signature', answers: edited });
    const after = await api.value('course.module', { moduleId: 'm1' });
    expect(after.module.steps.find((s) => s.id === 'stress-signature')?.progress.answers).toEqual(edited);
  });

  it('refuses answers that do not fit the step, naming the field, and keeps what was there', async () => {
    const { api } = await openCourse();
    await api.value('course.saveAnswers', {
      moduleId: 'm1',
      stepId: 'start-your-diary',
      answers: { what: 'Late train', stress: 6 },
    });
    const wrong = await api.error('course.saveAnswers', {
      moduleId: 'm1',
      stepId: 'start-your-diary',
      answers: { what: 'x', stress: 11 },
    });
    expect(wrong).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('How stressed did you feel?'),
    });
    expect(
      (await api.error('course.saveAnswers', { moduleId: 'm1', stepId: 'nope', answers: {} })).code,
    ).toBe('not_found');
    expect(
      (
        await api.error('course.saveAnswers', {
          moduleId: 'm1',
          stepId: 'start-your-diary',
          answers: { who: 'x' },
        })
      ).message,
    ).toMatch(/no field "who"/);
    const module = await api.value('course.module', { moduleId: 'm1' });
    expect(module.module.steps.find((s) => s.id === 'start-your-diary')?.progress.answers).toEqual({
      what: 'Late train',
      stress: 6,
    });
    // Finishing needs the fields that are not optional.
    const missing = await api.error('course.completeStep', {
      moduleId: 'm1',
      stepId: 'stress-signature',
      secondsSpent: 10,
    });
    expect(missing.message).toMatch(/“In your thoughts”/);
    expect(api.internalErrors).toEqual([]);
  });

  it('finishes a module, counts the time, moves "continue" on, and a redo keeps the earlier answers', async () => {
    const { api, clock } = await openCourse();
    const m1 = (await api.value('course.module', { moduleId: 'm1' })).module;
    expect((await api.error('course.finishModule', { moduleId: 'm1' })).message).toMatch(/Finish the steps/);
    for (const step of m1.steps) await doM1Step(api, step.id, 90, () => clock.advance(MINUTE));
    // Time on a step left unfinished counts too (capped per visit at two hours).
    const lingered = await api.value('course.recordTime', {
      moduleId: 'm1',
      stepId: 'what-stress-is',
      secondsSpent: 30,
    });
    expect(lingered.secondsSpent).toBe(120);
    const finished = await api.value('course.finishModule', { moduleId: 'm1' });
    expect(finished.progress).toMatchObject({
      status: 'done',
      timesDone: 1,
      minutesLeft: 0,
      secondsSpent: 90 * m1.steps.length + 30,
    });
    const overview = await api.value('course.overview', {});
    expect(overview.modules.find((m) => m.moduleId === 'm1')?.status).toBe('done');
    expect(overview.totals.modulesDone).toBe(1);
    expect(overview.next).toMatchObject({ moduleId: 'm2', resumed: false });

    const redo = await api.value('course.restartModule', { moduleId: 'm1' });
    expect(redo.progress).toMatchObject({ status: 'to-do', attempt: 2, timesDone: 1, stepsDone: 0 });
    const signature = redo.module.steps.find((s) => s.id === 'stress-signature');
    expect(signature?.progress).toMatchObject({
      answers: null,
      previousAnswers: SIGNATURE,
      completedAt: null,
    });
    // Edits in the redo are the new attempt's; the first time through is kept.
    const changed = { ...SIGNATURE, 'first-sign': 'Short temper' };
    await api.value('course.saveAnswers', { moduleId: 'm1', stepId: 'stress-signature', answers: changed });
    const now = (await api.value('course.module', { moduleId: 'm1' })).module.steps.find(
      (s) => s.id === 'stress-signature',
    );
    expect(now?.progress).toMatchObject({ answers: changed, previousAnswers: SIGNATURE });
    expect((await api.value('course.overview', {})).next).toMatchObject({ moduleId: 'm1', resumed: true });
  });

  it('the weekly plan moves on with the user: what is done drops out, at the pace first planned', async () => {
    const { api } = await openCourse();
    const start = await planFor(api, 20);
    const minutesOf = (weeks: typeof start.weeks) => weeks.reduce((sum, week) => sum + week.minutes, 0);
    const pace = Math.max(...start.weeks.map((week) => week.minutes));
    expect(start.weeks[0]?.items[0]).toMatchObject({ moduleId: 'm1', continued: false });

    const { module: m1, progress: m1Progress } = await api.value('course.module', { moduleId: 'm1' });
    const [first, second] = m1.steps;
    if (!first || !second) throw new Error('m1 has steps');
    for (const step of [first, second]) await doM1Step(api, step.id, 60);
    const underWay = (await api.value('course.overview', {})).weeks;
    const m1Left = m1Progress.minutes - first.minutes - second.minutes;
    expect(underWay[0]?.items[0]).toMatchObject({ moduleId: 'm1', continued: true });
    expect(underWay.flatMap((week) => week.items).filter((item) => item.moduleId === 'm1')).toSatisfy(
      (items: { minutes: number }[]) => items.reduce((sum, item) => sum + item.minutes, 0) === m1Left,
    );
    expect(minutesOf(underWay)).toBe(minutesOf(start.weeks) - first.minutes - second.minutes);

    for (const step of m1.steps.slice(2)) await doM1Step(api, step.id, 60);
    await api.value('course.finishModule', { moduleId: 'm1' });
    const after = (await api.value('course.overview', {})).weeks;
    expect(after.flatMap((week) => week.items).some((item) => item.moduleId === 'm1')).toBe(false);
    expect(after[0]?.items[0]).toMatchObject({ moduleId: 'm2', continued: false });
    expect(minutesOf(after)).toBe(minutesOf(start.weeks) - m1Progress.minutes);
    // The same pace as first planned: what is left is not stretched over eight weeks again.
    expect(Math.max(...after.map((week) => week.minutes))).toBeLessThanOrEqual(pace);
    expect(after.length).toBeLessThan(start.weeks.length);
    expect(api.internalErrors).toEqual([]);
  });

  it('on the 5-minute routes, the plan counts the quick steps left', async () => {
    const { api } = await openCourse();
    const start = await planFor(api, 10);
    const { module: m1, progress } = await api.value('course.module', { moduleId: 'm1' });
    const m1Minutes = (weeks: typeof start.weeks) =>
      weeks
        .flatMap((week) => week.items)
        .filter((item) => item.moduleId === 'm1')
        .reduce((sum, item) => sum + item.minutes, 0);
    expect(m1Minutes(start.weeks)).toBe(progress.quickMinutes);
    const quick = m1.steps.find((step) => step.quick);
    if (!quick) throw new Error('m1 has a quick step');
    await doM1Step(api, quick.id, 60);
    const weeks = (await api.value('course.overview', {})).weeks;
    expect(m1Minutes(weeks)).toBe(progress.quickMinutes - quick.minutes);
    expect(weeks[0]?.items[0]).toMatchObject({ moduleId: 'm1', route: 'quick', continued: true });
  });

  it('onboarding tailors the plan; a real PSS-10 result sets the band; the user can change the plan', async () => {
    const { api } = await openCourse();
    expect(await api.value('course.getProfile', {})).toEqual({ profile: null, recommendation: null });
    const missing = await api.error('course.saveProfile', {
      focusAreas: ['sleep'],
      minutesPerWeek: 20,
      baselineResultId: '123e4567-e89b-42d3-a456-426614174000',
      support: 'on-my-own',
    });
    expect(missing.code).toBe('not_found');
    const pss = await api.value('measures.submit', {
      measureId: 'pss-10',
      answers: { q1: 4, q2: 4, q3: 4, q4: 0, q5: 0, q6: 4, q7: 0, q8: 0, q9: 4, q10: 4 },
    });
    if (pss.status !== 'scored') throw new Error('scored');
    const sleepy = await api.value('course.saveProfile', {
      focusAreas: ['sleep', 'workload'],
      minutesPerWeek: 20,
      baselineResultId: pss.id,
      support: 'coach-on-request',
    });
    expect(sleepy.profile?.baseline).toMatchObject({ resultId: pss.id, band: 'high' });
    expect(sleepy.plan).toEqual(sleepy.recommendation?.order);
    expect(sleepy.plan).toContain('m8');
    expect(sleepy.plan).toContain('m10');
    expect(sleepy.weeks.length).toBeGreaterThanOrEqual(7);

    const skipped = await api.value('course.saveProfile', {
      focusAreas: ['worry'],
      minutesPerWeek: 10,
      baselineResultId: null,
      support: 'on-my-own',
    });
    expect(skipped.profile?.baseline).toBeNull();
    expect(skipped.plan).not.toEqual(sleepy.plan);
    expect(skipped.plan).not.toContain('m8');

    const mine = await api.value('course.setPlan', {
      order: ['m9', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'],
    });
    expect(mine.plan[0]).toBe('m9');
    expect(mine.modules.find((m) => m.moduleId === 'm9')?.inPlan).toBe(true);
    expect((await api.error('course.setPlan', { order: ['m1', 'm2'] })).message).toMatch(/core modules stay/);
    expect(
      (await api.error('course.setPlan', { order: ['m1', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'] })).code,
    ).toBe('invalid_input');
  });

  it('gives the coach export only the chosen modules and steps, with field labels', async () => {
    const { api, vault } = await openCourse();
    await api.value('course.saveAnswers', { moduleId: 'm1', stepId: 'stress-signature', answers: SIGNATURE });
    await api.value('course.saveAnswers', {
      moduleId: 'm1',
      stepId: 'start-your-diary',
      answers: { what: 'Late train', stress: 6 },
    });
    const modules = loadCourse(join(projectRoot, 'content'));
    const summary = courseShareSummary(modules, vault.course(), {
      moduleIds: ['m1', 'm2'],
      steps: [{ moduleId: 'm1', stepId: 'stress-signature' }],
    });
    expect(summary.map((m) => m.progress.moduleId)).toEqual(['m1', 'm2']);
    expect(summary[0]?.steps).toHaveLength(1);
    expect(summary[0]?.steps[0]?.answers).toEqual([
      { fieldId: 'body', label: 'In your body', value: 'Headaches; Tight neck, shoulders or jaw' },
      {
        fieldId: 'thoughts',
        label: 'In your thoughts',
        value: 'I will never get this done; Replaying the meeting',
      },
      { fieldId: 'behaviour', label: 'In what you do', value: 'Skipping lunch' },
      {
        fieldId: 'first-sign',
        label: 'Which of these usually shows up first?',
        value: 'My shoulders creep up',
      },
    ]);
    expect(JSON.stringify(summary)).not.toContain('Late train');
  });

  it('offers started modules and saved answers to the share screen, and shares only what is picked', async () => {
    const { api } = await openCourse();
    expect((await api.value('share.sources', {})).course).toEqual({ modules: [], answers: [] });
    await api.value('course.saveAnswers', { moduleId: 'm1', stepId: 'stress-signature', answers: SIGNATURE });
    await api.value('course.completeStep', { moduleId: 'm1', stepId: 'what-stress-is', secondsSpent: 60 });
    const { course } = await api.value('share.sources', {});
    expect(course.modules).toEqual([
      {
        moduleId: 'm1',
        title: 'Understanding stress',
        summary: expect.stringContaining('1 of 4 steps') as string,
      },
    ]);
    const firstSign = 'm1/stress-signature/first-sign';
    expect(course.answers.map((answer) => answer.id)).toEqual([
      'm1/stress-signature/body',
      'm1/stress-signature/thoughts',
      'm1/stress-signature/behaviour',
      firstSign,
    ]);
    const { data } = await api.value('share.preview', {
      courseModuleIds: ['m1'],
      courseAnswerIds: [firstSign],
    });
    expect(data.course.modules).toMatchObject([{ moduleId: 'm1', completedSteps: 1, totalSteps: 4 }]);
    expect(data.course.answers).toMatchObject([
      {
        id: firstSign,
        prompt: 'Your stress signature: Which of these usually shows up first?',
        answer: 'My shoulders creep up',
      },
    ]);
    expect(JSON.stringify(data)).not.toContain('Replaying the meeting');
  });
});
