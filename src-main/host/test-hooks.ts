/** Set to `1` by Stillroom's own test runs (tests/helpers/host-process.ts), never by `npm start`. */
export const TEST_HOOKS_FLAG = 'STILLROOM_TEST_HOOKS';
const HOOKS = ['STILLROOM_TEST_CLOCK_FILE', 'STILLROOM_TEST_NOTIFICATIONS_FILE'] as const;

/**
 * The environment the test clock and test notifier may read: as given in a test run, and without
 * their variables otherwise, so a stray variable in someone's shell cannot move their reminders'
 * clock or divert notifications into a file. `ignored` names what was dropped, to say so.
 */
export function testHookEnv(env: NodeJS.ProcessEnv): { env: NodeJS.ProcessEnv; ignored: string[] } {
  if (env[TEST_HOOKS_FLAG] === '1') return { env, ignored: [] };
  const ignored = HOOKS.filter((name) => env[name]);
  const rest = { ...env };
  for (const name of HOOKS) delete rest[name];
  return { env: rest, ignored };
}
