import { describe, expect, it } from 'vitest';
import type { CourseOverview, ModuleProgress } from '../../src-main/contract';
import { courseProgressLine } from '../../src-renderer/src/features/course/progress-line';

function module(
  id: string,
  title: string,
  stepsDone: number,
  stepCount: number,
  status: ModuleProgress['status'] = 'to-do',
): ModuleProgress {
  return {
    moduleId: id as ModuleProgress['moduleId'],
    number: Number(id.slice(1)),
    title,
    summary: '',
    core: true,
    inPlan: true,
    status,
    attempt: 1,
    timesDone: status === 'done' ? 1 : 0,
    stepCount,
    stepsDone,
    minutes: 30,
    quickMinutes: 5,
    minutesLeft: 20,
    secondsSpent: 0,
  };
}

function overview(modules: ModuleProgress[], nextModule: string | undefined): CourseOverview {
  return {
    profile: null,
    recommendation: null,
    plan: modules.map((m) => m.moduleId),
    modules,
    totals: {
      modulesDone: modules.filter((m) => m.status === 'done').length,
      modulesInPlan: modules.length,
      secondsSpent: 0,
      minutesLeft: 0,
    },
    weeks: [],
    next: nextModule
      ? {
          moduleId: nextModule as ModuleProgress['moduleId'],
          moduleTitle: '',
          stepId: 's',
          stepTitle: '',
          minutes: 3,
          resumed: true,
        }
      : null,
  };
}

describe("Today's course progress line (issue 17 point 8)", () => {
  it('says nothing before the first step is done', () => {
    expect(courseProgressLine(overview([module('m1', 'Understanding stress', 0, 6)], 'm1'))).toBeUndefined();
  });

  it('says how far into this module and the plan you are', () => {
    const line = courseProgressLine(
      overview(
        [
          module('m1', 'Understanding stress', 6, 6, 'done'),
          module('m2', 'Noticing thoughts', 2, 5, 'in-progress'),
          module('m3', 'Sleep', 0, 4),
        ],
        'm2',
      ),
    );
    expect(line).toBe('2 of 5 steps done in this module · 1 of 3 modules in your plan finished');
  });

  it('never counts days, streaks or what was missed', () => {
    const line =
      courseProgressLine(overview([module('m1', 'Understanding stress', 1, 6, 'in-progress')], 'm1')) ?? '';
    expect(line).not.toMatch(/streak|day|missed|behind|haven/i);
    expect(line).toBe('1 of 6 steps done in this module · 0 of 1 modules in your plan finished');
  });
});
