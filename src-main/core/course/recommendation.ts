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

/** At this many minutes a week or fewer, every module follows its 5-minute route. */
const SHORT_WEEK = 10;

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

  const routes = chooseRoutes(order, modules, profile.minutesPerWeek);
  const kinds = new Set(routes.values());
  const route = kinds.size > 1 ? 'mixed' : kinds.has('quick') ? 'quick' : 'full';
  return { order, suggestedOptional, route };
}

/** A week never ends on a sliver of a module shorter than this; it moves to the next week. */
const MIN_PART = 3;

/** How far the user is with a module, for planning what is left of it. */
export interface ModuleLeft {
  done: boolean;
  /** Minutes of the steps not yet done in the current attempt, on each route. */
  minutesLeft: { full: number; quick: number };
}

/**
 * A weekly plan over about eight weeks for the modules in the user's order. The time is spread
 * evenly (so 60 minutes a week does not cram the course into three weeks) and no week asks for
 * more than the stated time; a module longer than a week's share carries on into the next week.
 *
 * Given how far the user is, it plans what is left, from this week: finished modules drop out and
 * a module under way counts only its steps still to do (and starts as "carry on with"). The pace
 * stays the one set for the whole plan, so finishing things shortens the plan instead of
 * stretching what is left over eight weeks again.
 */
export function weeklyPlan(
  order: readonly ModuleId[],
  modules: readonly ModuleFacts[],
  minutesPerWeek: number,
  progress: ReadonlyMap<ModuleId, ModuleLeft> = new Map(),
): WeekPlan[] {
  const routes = chooseRoutes(order, modules, minutesPerWeek);
  const chosen = order.map((id) => modules.find((module) => module.id === id)).filter(isDefined);
  const minutesOf = (module: ModuleFacts) =>
    routes.get(module.id) === 'quick' ? module.quickMinutes : module.minutes;
  const total = chosen.reduce((sum, module) => sum + minutesOf(module), 0);
  const share = Math.min(minutesPerWeek, Math.max(MIN_PART, Math.ceil(total / PLAN_WEEKS)));
  const weeks: WeekPlan[] = [];
  let current: WeekPlan | undefined;
  for (const module of chosen) {
    const route = routes.get(module.id) ?? 'full';
    const where = progress.get(module.id);
    if (where?.done) continue;
    let left = where ? where.minutesLeft[route] : minutesOf(module);
    let continued = left < minutesOf(module);
    while (left > 0) {
      let room = current ? share - current.minutes : 0;
      if (!current || room < Math.min(MIN_PART, left)) {
        current = { week: weeks.length + 1, items: [], minutes: 0 };
        weeks.push(current);
        room = share;
      }
      // Take the rest too when only a sliver would be left and the stated time allows it.
      const rest = left - room;
      const part =
        rest > 0 && rest < MIN_PART && current.minutes + left <= minutesPerWeek ? left : Math.min(left, room);
      current.items.push({ moduleId: module.id, route, minutes: part, continued });
      current.minutes += part;
      left -= part;
      continued = true;
    }
  }
  return weeks;
}

/**
 * With 10 minutes a week, every module's 5-minute route. Otherwise full modules while the whole
 * plan fits about eight weeks of the stated time; when it does not,
 * the modules latest in the order switch to their 5-minute route, one by one, until it fits (or
 * all are quick). The first modules, which the user chose to start with, stay full longest.
 */
export function chooseRoutes(
  order: readonly ModuleId[],
  modules: readonly ModuleFacts[],
  minutesPerWeek: number,
): Map<ModuleId, 'full' | 'quick'> {
  const chosen = order.map((id) => modules.find((module) => module.id === id)).filter(isDefined);
  const routes = new Map<ModuleId, 'full' | 'quick'>(chosen.map((module) => [module.id, 'full']));
  let total = chosen.reduce((sum, module) => sum + module.minutes, 0);
  const budget = minutesPerWeek * PLAN_WEEKS;
  const veryShort = minutesPerWeek <= SHORT_WEEK;
  for (const module of [...chosen].reverse()) {
    if (total <= budget && !veryShort) break;
    routes.set(module.id, 'quick');
    total -= module.minutes - module.quickMinutes;
  }
  return routes;
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
