import { lazy } from 'react';

/**
 * Every screen but Today (and Help, a few hundred bytes that must never wait) loads on first
 * use, so the first screen carries only its own code. Once Today is up and the page is idle, the
 * rest is fetched in the background, so moving between screens stays instant.
 */
const loaders = {
  course: () => import('../features/course/CourseScreen'),
  diary: () => import('../features/diary/DiaryScreen'),
  checkins: () => import('../features/checkins/CheckinsScreen'),
  library: () => import('../features/library/LibraryScreen'),
  reminders: () => import('../features/reminders/RemindersScreen'),
  share: () => import('../features/share/ShareScreen'),
  settings: () => import('../features/settings/SettingsScreen'),
};

export const CourseScreen = lazy(() => loaders.course().then((m) => ({ default: m.CourseScreen })));
export const DiaryScreen = lazy(() => loaders.diary().then((m) => ({ default: m.DiaryScreen })));
export const CheckinsScreen = lazy(() => loaders.checkins().then((m) => ({ default: m.CheckinsScreen })));
export const LibraryScreen = lazy(() => loaders.library().then((m) => ({ default: m.LibraryScreen })));
export const RemindersScreen = lazy(() => loaders.reminders().then((m) => ({ default: m.RemindersScreen })));
export const ShareScreen = lazy(() => loaders.share().then((m) => ({ default: m.ShareScreen })));
export const SettingsScreen = lazy(() => loaders.settings().then((m) => ({ default: m.SettingsScreen })));

/** After this long, and then only when the page is idle, the other screens are fetched. */
const PRELOAD_AFTER_MS = 300;

/** Fetches every lazy screen in the background once the first screen has settled; returns a cancel. */
export function preloadScreensWhenIdle(): () => void {
  let idle: number | undefined;
  const timer = setTimeout(() => {
    idle = requestIdleCallback(() => {
      // A failed fetch is left alone here: opening that screen says what happened and what to do.
      for (const load of Object.values(loaders)) load().catch(() => undefined);
    });
  }, PRELOAD_AFTER_MS);
  return () => {
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}
