import type { FocusArea, ModuleId, PssBand, Recommendation, WeekPlan } from '../../contract';

/** What the recommendation needs to know about a module (from the content). */
export interface ModuleFacts {
  id: ModuleId;
  number: number;
  core: boolean;
  focusAreas: readonly FocusArea[];
  minutes: number;
  quickMinutes: number;
}

export interface ProfileFacts {
  focusAreas: readonly FocusArea[];
  minutesPerWeek: number;
  band: PssBand | null;
}

/** The course is about eight weeks (CONTENT.md). */
export const PLAN_WEEKS = 8;

/** Optional modules and the focus areas that suggest them, with the reason shown to the user. */
const OPTIONAL_SUGGESTIONS: readonly { moduleId: ModuleId; areas: readonly FocusArea[]; reason: string }[] = [
  { moduleId: 'm8', areas: ['sleep'], reason: 'You said sleep is on your mind.' },
  {
    moduleId: 'm9',
    areas: ['boundaries', 'relationships'],
    reason: 'You said boundaries or people at work are on your mind.',
  },
  { moduleId: 'm10', areas: ['workload'], reason: 'You said workload is on your mind.' },
];

/** Where a suggested optional module goes: straight after the core module it builds on. */
const OPTIONAL_AFTER: Partial<Record<ModuleId, ModuleId>> = { m8: 'm1', m9: 'm4', m10: 'm4' };

/** A stress check with a band nudges the modules its results page suggests (pss-10.json). */
const BAND_MODULES: Record<PssBand, readonly ModuleId[]> = {
  low: ['m6'],
  moderate: ['m5'],
  high: ['m5', 'm4'],
};

/**
 * The recommended order. Understanding stress (m1) always comes first, since the rest builds on
 * it, and Staying well (m7) always comes last, since it reviews what helped. The modules between
 * are ordered by how many of the user's focus areas they serve (plus a nudge from the stress
 * check), ties broken by the course's own order; Rethinking stressful thoughts (m3) always
 * follows Thoughts, feelings and stress (m2), which teaches the cycle it uses.
 */
export function recommend(modules: readonly ModuleFacts[], profile: ProfileFacts): Recommendation {
  const wanted = new Set(profile.focusAreas);
  const nudged = new Set(profile.band ? BAND_MODULES[profile.band] : []);
  const score = (module: ModuleFacts) =>
    module.focusAreas.filter((area) => wanted.has(area)).length + (nudged.has(module.id) ? 1.5 : 0);

  const core = modules.filter((module) => module.core);
  const first = core.filter((module) => module.id === 'm1');
  const last = core.filter((module) => module.id === 'm7');
  const middle = core
    .filter((module) => module.id !== 'm1' && module.id !== 'm7')
    .sort((a, b) => score(b) - score(a) || a.number - b.number);
  const order = [...first, ...middle, ...last].map((module) => module.id);
  keepAfter(order, 'm3', 'm2');

  const present = new Set(modules.map((module) => module.id));
  const suggestedOptional = OPTIONAL_SUGGESTIONS.filter(
    (suggestion) => present.has(suggestion.moduleId) && suggestion.areas.some((area) => wanted.has(area)),
  ).map(({ moduleId, reason }) => ({ moduleId, reason }));
  for (const { moduleId } of suggestedOptional) {
    const anchor = OPTIONAL_AFTER[moduleId];
    const at = anchor ? order.lastIndexOf(anchor) : -1;
    // After the anchor, and after any optional module already placed there.
    let index = at === -1 ? order.length - 1 : at + 1;
    while (index < order.length && !isCore(modules, order[index])) index += 1;
    order.splice(Math.min(index, order.length), 0, moduleId);
  }
  if (last.length > 0) {
    // Staying well stays at the very end, after any optional module.
    order.splice(order.indexOf('m7'), 1);
    order.push('m7');
  }

  const chosen = order.map((id) => modules.find((module) => module.id === id)).filter(isDefined);
  const fullMinutes = chosen.reduce((sum, module) => sum + module.minutes, 0);
  const route = fullMinutes <= profile.minutesPerWeek * PLAN_WEEKS ? 'full' : 'quick';
  return { order, suggestedOptional, route };
}

/**
 * A weekly plan over about eight weeks for the modules in the user's order: modules spread so
 * that no week asks for more than the stated time (a module longer than a week's time runs over
 * more weeks), following the 5-minute routes when the time is short.
 */
export function weeklyPlan(
  order: readonly ModuleId[],
  modules: readonly ModuleFacts[],
  minutesPerWeek: number,
  route: 'full' | 'quick',
): WeekPlan[] {
  const chosen = order.map((id) => modules.find((module) => module.id === id)).filter(isDefined);
  if (chosen.length === 0) return [];
  const perWeek = Math.max(1, Math.ceil(chosen.length / PLAN_WEEKS));
  const weeks: WeekPlan[] = [];
  let current: WeekPlan | undefined;
  const newWeek = (): WeekPlan => {
    const week = { week: weeks.length + 1, items: [], minutes: 0 };
    weeks.push(week);
    return week;
  };
  for (const module of chosen) {
    const minutes = route === 'full' ? module.minutes : module.quickMinutes;
    if (current && current.items.length < perWeek && current.minutes + minutes <= minutesPerWeek) {
      current.items.push({ moduleId: module.id, route, minutes, continued: false });
      current.minutes += minutes;
      continue;
    }
    // A new week; a module longer than a week's time carries on into the next.
    let left = minutes;
    let continued = false;
    while (left > 0) {
      current = newWeek();
      const part = Math.min(left, minutesPerWeek);
      current.items.push({ moduleId: module.id, route, minutes: part, continued });
      current.minutes += part;
      left -= part;
      continued = true;
    }
  }
  return weeks;
}

function keepAfter(order: ModuleId[], later: ModuleId, earlier: ModuleId): void {
  const a = order.indexOf(later);
  const b = order.indexOf(earlier);
  if (a === -1 || b === -1 || a > b) return;
  order.splice(a, 1);
  order.splice(order.indexOf(earlier) + 1, 0, later);
}

function isCore(modules: readonly ModuleFacts[], id: ModuleId | undefined): boolean {
  return modules.some((module) => module.id === id && module.core);
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
