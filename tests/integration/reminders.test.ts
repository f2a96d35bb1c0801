import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOTIFICATION_TEXT, type ReminderRuleInput } from '../../src-main/contract';
import type { Notifier } from '../../src-main/core/reminders/notifier';
import { createFileRegistry } from '../../src-main/infra/files/file-registry';
import { createReminderHandlers } from '../../src-main/core/reminders/reminder-handlers';
import type { VaultService } from '../../src-main/core/vault/vault-service';
import { ContentError } from '../../src-main/infra/content/content-files';
import { loadMondayMessages } from '../../src-main/infra/content/monday-messages-content';
import { createNodeNotifierNotifier } from '../../src-main/infra/notifications/node-notifier-notifier';
import { buildIcs } from '../../src-main/infra/reminders/ics-export';
import { LOCKED_TIMES_FILE, lockedTimesFile } from '../../src-main/infra/reminders/locked-times-file';
import { createReminderRunner } from '../../src-main/infra/reminders/reminder-runner';
import { tempDir } from '../helpers/host-harness';
import { projectRoot } from '../helpers/layering';
import { createTestVault, fakeClock } from '../helpers/vault-harness';

const PASSPHRASE = 'reminder tests passphrase';
const at = (iso: string) => Date.parse(iso);

/**
 * The real node-notifier adapter, with only the operating system's side faked: what it would
 * hand to the system's notification centre is recorded, and the system answers "shown" (or not).
 */
function capturingNotifier(delivered = true) {
  const shown: { title: string; body: string; open: () => void }[] = [];
  let pendingOpen: () => void = () => undefined;
  const adapter = createNodeNotifierNotifier((notification, callback) => {
    shown.push({ title: notification.title, body: notification.message, open: () => pendingOpen() });
    callback(delivered ? null : new Error('no notification daemon'), delivered ? 'timeout' : '');
  });
  const notifier: Notifier = {
    notify(target, onOpen) {
      pendingOpen = onOpen;
      return adapter.notify(target, onOpen);
    },
  };
  return { notifier, shown };
}

const FIXTURES = join(projectRoot, 'tests', 'fixtures', 'monday');

let dataDir: string;
let vault: VaultService;
let clock: ReturnType<typeof fakeClock>;
let zone: string;
let events: { name: string; payload: unknown }[];

/** As the browser host answers "where should I save this?": a download, held for one fetch. */
const calendarFiles = createFileRegistry({ dataDir: tmpdir(), clock: { now: () => Date.now() } });

function handlers(messagesDir = FIXTURES) {
  return createReminderHandlers({
    clock,
    zone: () => zone,
    repository: () => vault.reminders(),
    mondayMessages: loadMondayMessages(messagesDir),
    buildIcs,
    loginItem: undefined,
    files: calendarFiles,
  });
}

/** Saves a rule's calendar file, as the page does, and reads back what would be downloaded. */
async function exportIcs(
  api: ReturnType<typeof handlers>,
  input: Omit<Parameters<ReturnType<typeof handlers>['reminders.exportIcs']>[0], 'target'>,
) {
  const target = await calendarFiles.chooseSave('calendar', 'focus-time.ics');
  if (!target) throw new Error('no target');
  const { file } = api['reminders.exportIcs']({ ...input, target: target.id });
  const download = calendarFiles.takeDownload(file.id);
  if (!download) throw new Error('nothing to download');
  return { filename: file.name, text: new TextDecoder().decode(download.bytes) };
}

function runner(notifier: Notifier) {
  return createReminderRunner({
    vault,
    clock,
    zone: () => zone,
    notifier,
    emit: (name, payload) => events.push({ name, payload }),
    lockedTimes: lockedTimesFile(dataDir),
  });
}

const dailyAtNine: ReminderRuleInput = {
  label: 'before the stand-up',
  target: 'room',
  frequency: { kind: 'interval', everyDays: 1 },
  time: '09:00',
  endDate: null,
  enabled: true,
};

beforeEach(async () => {
  dataDir = tempDir('stillroom-reminders-');
  clock = fakeClock(at('2026-11-23T08:00:00Z')); // Monday
  zone = 'Europe/London';
  events = [];
  vault = createTestVault(dataDir, { clock });
  await vault.create(PASSPHRASE, false);
});

afterEach(() => {
  vault.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('reminder rules in the vault', () => {
  it('are saved, listed with their next time, edited and deleted, and survive lock and unlock', async () => {
    const api = handlers();
    const created = api['reminders.saveRule'](dailyAtNine);
    expect(created.rules).toHaveLength(1);
    const [rule] = created.rules;
    expect(rule).toMatchObject({
      label: 'before the stand-up',
      startDate: '2026-11-23',
      nextAt: '2026-11-23T09:00:00.000Z',
    });
    expect(created.upcoming[0]).toEqual({ at: '2026-11-23T09:00:00.000Z', target: 'room' });

    clock.advance(60_000);
    const edited = api['reminders.saveRule']({
      ...dailyAtNine,
      id: rule?.id,
      frequency: { kind: 'weekly', days: ['wed'] },
      time: '18:30',
      label: 'after work',
    });
    expect(edited.rules).toHaveLength(1);
    expect(edited.rules[0]).toMatchObject({
      id: rule?.id,
      label: 'after work',
      createdAt: rule?.createdAt,
      nextAt: '2026-11-25T18:30:00.000Z',
    });
    expect(edited.rules[0]?.updatedAt).not.toBe(rule?.createdAt);

    vault.lock('manual');
    expect(() => api['reminders.get']()).toThrow(/locked/);
    await vault.unlock({ method: 'passphrase', passphrase: PASSPHRASE });
    expect(api['reminders.get']().rules[0]?.label).toBe('after work');

    expect(api['reminders.deleteRule']({ id: rule?.id ?? '' }).rules).toEqual([]);
    expect(() => api['reminders.deleteRule']({ id: rule?.id ?? '' })).toThrow(/no longer exists/);
  });

  it('quiet hours, pause and snooze are kept and shape what comes next', () => {
    const api = handlers();
    api['reminders.saveRule']({ ...dailyAtNine, time: '22:30' });
    let overview = api['reminders.setPreferences']({ quietHours: { start: '22:00', end: '07:00' } });
    expect(overview.upcoming[0]?.at).toBe('2026-11-24T07:00:00.000Z');
    overview = api['reminders.setPreferences']({ pausedUntil: '2026-12-01' });
    expect(overview.quietHours).toEqual({ start: '22:00', end: '07:00' });
    expect(overview.pausedUntil).toBe('2026-12-01');
    expect(overview.upcoming[0]?.at).toBe('2026-12-01T07:00:00.000Z');
    overview = api['reminders.snooze']({ choice: '1h', target: 'checkin' });
    expect(overview.snooze).toEqual({ until: '2026-11-23T09:00:00.000Z', target: 'checkin' });
    overview = api['reminders.setPreferences']({ pausedUntil: null, quietHours: null });
    expect(overview.upcoming.slice(0, 2)).toEqual([
      { at: '2026-11-23T09:00:00.000Z', target: 'checkin' },
      { at: '2026-11-23T22:30:00.000Z', target: 'room' },
    ]);
  });

  it('a break that has ended no longer shows as a break', () => {
    const api = handlers();
    api['reminders.saveRule'](dailyAtNine);
    expect(api['reminders.setPreferences']({ pausedUntil: '2026-11-25' }).pausedUntil).toBe('2026-11-25');
    clock.set(at('2026-11-25T06:00:00Z'));
    expect(api['reminders.get']().pausedUntil).toBeNull();
  });

  it('keeps the last 200 history lines, newest first', () => {
    const repository = vault.reminders();
    for (let n = 0; n < 205; n++) {
      const firedAt = new Date(at('2026-01-01T09:00:00Z') + n * 86_400_000).toISOString();
      repository.recordFire({ firedAt, target: 'open', coalesced: 1, delivered: n % 2 === 0 });
    }
    const kept = repository.history(500);
    expect(kept).toHaveLength(200);
    expect(kept[0]?.firedAt).toBe(new Date(at('2026-01-01T09:00:00Z') + 204 * 86_400_000).toISOString());
    expect(kept[199]?.firedAt).toBe(new Date(at('2026-01-01T09:00:00Z') + 5 * 86_400_000).toISOString());
  });

  it('an end date before the first day is refused with a clear message, and nothing is saved', () => {
    const api = handlers();
    expect(() => api['reminders.saveRule']({ ...dailyAtNine, endDate: '2026-11-01' })).toThrow(
      /before the first day/,
    );
    expect(api['reminders.get']().rules).toEqual([]);
  });

  it('launch at login is refused where the host cannot do it (the browser host)', () => {
    expect(handlers()['reminders.get']().launchAtLogin).toEqual({ available: false, enabled: false });
    expect(() => handlers()['reminders.setLaunchAtLogin']({ enabled: true })).toThrow(
      /only possible in the desktop app/,
    );
  });
});

describe('the runner (fake clock, real vault, the OS notification centre faked)', () => {
  it('fires a due reminder once, records it, and opens the right place when clicked', async () => {
    handlers()['reminders.saveRule']({ ...dailyAtNine, target: 'checkin' });
    const { notifier, shown } = capturingNotifier();
    const run = runner(notifier);
    expect(await run.check()).toEqual({ status: 'nothing-due' });
    clock.set(at('2026-11-23T08:59:00Z'));
    expect(await run.check()).toEqual({ status: 'nothing-due' });
    clock.set(at('2026-11-23T09:00:30Z'));
    expect(await run.check()).toMatchObject({ status: 'fired', target: 'checkin', coalesced: 1 });
    expect(await run.check()).toEqual({ status: 'nothing-due' });
    expect(shown.map((s) => s.body)).toEqual(['Your check-in is ready when you are']);
    shown[0]?.open();
    expect(events).toEqual([
      { name: 'reminder.fired', payload: { target: 'checkin' } },
      { name: 'reminder.open', payload: { target: 'checkin' } },
    ]);
    expect(handlers()['reminders.get']().history).toMatchObject([
      { firedAt: '2026-11-23T09:00:30.000Z', target: 'checkin', coalesced: 1, delivered: true },
    ]);
  });

  it('three days asleep: exactly one notification, standing for every missed time', async () => {
    handlers()['reminders.saveRule'](dailyAtNine);
    handlers()['reminders.saveRule']({ ...dailyAtNine, time: '13:00', target: 'open' });
    const { notifier, shown } = capturingNotifier();
    const run = runner(notifier);
    await run.check();
    clock.set(at('2026-11-26T10:00:00Z')); // Thursday: the laptop was shut since Monday 08:00
    expect(await run.check()).toMatchObject({ status: 'fired', coalesced: 7, target: 'room' });
    clock.advance(60_000);
    expect(await run.check()).toEqual({ status: 'nothing-due' });
    expect(shown).toHaveLength(1);
    expect(handlers()['reminders.get']().history).toHaveLength(1);
  });

  it('Stillroom closed over the weekend: a new runner (a restart) shows one, and only once', async () => {
    handlers()['reminders.saveRule'](dailyAtNine);
    const { notifier, shown } = capturingNotifier();
    clock.set(at('2026-11-23T09:00:10Z'));
    expect(await runner(notifier).check()).toMatchObject({ status: 'fired', coalesced: 1 });
    // Quit on Monday; started again on Thursday at 10:00.
    clock.set(at('2026-11-26T10:00:00Z'));
    const restarted = runner(notifier);
    expect(await restarted.check()).toMatchObject({ status: 'fired', coalesced: 3 });
    expect(await runner(notifier).check()).toEqual({ status: 'nothing-due' });
    expect(shown).toHaveLength(2);
  });

  it('nothing fires while the vault is locked; what was missed comes as one after unlocking', async () => {
    handlers()['reminders.saveRule'](dailyAtNine);
    const { notifier, shown } = capturingNotifier();
    const run = runner(notifier);
    await run.check();
    vault.lock('idle');
    clock.set(at('2026-11-24T10:00:00Z'));
    expect(await run.check()).toEqual({ status: 'locked' });
    expect(shown).toHaveLength(0);
    await vault.unlock({ method: 'passphrase', passphrase: PASSPHRASE });
    expect(await run.check()).toMatchObject({ status: 'fired', coalesced: 2 });
    expect(shown).toHaveLength(1);
  });

  it('a snooze comes back once and is then cleared', async () => {
    const { notifier, shown } = capturingNotifier();
    const run = runner(notifier);
    await run.check();
    handlers()['reminders.snooze']({ choice: '10m', target: 'monday' });
    clock.advance(11 * 60_000);
    expect(await run.check()).toMatchObject({ status: 'fired', target: 'monday' });
    expect(handlers()['reminders.get']().snooze).toBeNull();
    clock.advance(11 * 60_000);
    expect(await run.check()).toEqual({ status: 'nothing-due' });
    expect(shown.map((s) => s.body)).toEqual(['A new Monday message is here']);
  });

  it('the user travels: the same rule fires at 09:00 on the wall clock of the new zone', async () => {
    handlers()['reminders.saveRule'](dailyAtNine);
    const { notifier, shown } = capturingNotifier();
    const run = runner(notifier);
    await run.check();
    clock.set(at('2026-11-23T09:30:00Z'));
    expect(await run.check()).toMatchObject({ status: 'fired' }); // 09:00 in London
    zone = 'America/New_York';
    clock.set(at('2026-11-23T13:30:00Z')); // landed: 08:30 in New York
    expect(await run.check()).toEqual({ status: 'nothing-due' });
    // Flying west, 09:00 comes round again on the new wall clock, and that is when it speaks up.
    clock.set(at('2026-11-23T14:01:00Z'));
    expect(await run.check()).toMatchObject({ status: 'fired', coalesced: 1 });
    clock.set(at('2026-11-24T13:59:00Z'));
    expect(await run.check()).toEqual({ status: 'nothing-due' });
    clock.set(at('2026-11-24T14:00:00Z'));
    expect(await run.check()).toMatchObject({ status: 'fired', coalesced: 1 });
    expect(shown).toHaveLength(3);
  });

  it('a system with no notifications: recorded as not delivered, the page is still told', async () => {
    handlers()['reminders.saveRule'](dailyAtNine);
    const { notifier } = capturingNotifier(false);
    const run = runner(notifier);
    await run.check();
    clock.set(at('2026-11-23T09:01:00Z'));
    expect(await run.check()).toMatchObject({ status: 'fired', delivered: false });
    expect(handlers()['reminders.get']().history[0]?.delivered).toBe(false);
    expect(events[0]).toEqual({ name: 'reminder.fired', payload: { target: 'room' } });
  });
});

describe('reminders while locked (opt-in): only the times are kept outside the vault', () => {
  const file = () => join(dataDir, LOCKED_TIMES_FILE);

  it('the question is open until answered, either way, and stays answered across a lock', async () => {
    const api = handlers();
    expect(api['reminders.get']().lockedQuestionAnswered).toBe(false);
    expect(api['reminders.saveRule'](dailyAtNine).lockedQuestionAnswered).toBe(false);
    // Quiet hours are not an answer to this question.
    expect(
      api['reminders.setPreferences']({ quietHours: { start: '21:00', end: '07:00' } })
        .lockedQuestionAnswered,
    ).toBe(false);
    const answered = api['reminders.setPreferences']({ remindWhileLocked: false });
    expect(answered).toMatchObject({ lockedQuestionAnswered: true, remindWhileLocked: false });
    vault.lock('idle');
    await vault.unlock({ method: 'passphrase', passphrase: PASSPHRASE });
    expect(handlers()['reminders.get']().lockedQuestionAnswered).toBe(true);
  });

  it('off by default: no file, and nothing fires while locked', async () => {
    handlers()['reminders.saveRule'](dailyAtNine);
    const { notifier, shown } = capturingNotifier();
    const run = runner(notifier);
    await run.check();
    expect(existsSync(file())).toBe(false);
    vault.lock('idle');
    clock.set(at('2026-11-23T09:01:00Z'));
    expect(await run.check()).toEqual({ status: 'locked' });
    expect(shown).toHaveLength(0);
  });

  it('on: the file holds only instants; a locked reminder is generic, fires once, and never again on unlock or restart', async () => {
    const api = handlers();
    api['reminders.saveRule']({ ...dailyAtNine, label: 'Q7x my own words', target: 'checkin' });
    expect(api['reminders.setPreferences']({ remindWhileLocked: true }).remindWhileLocked).toBe(true);
    const { notifier, shown } = capturingNotifier();
    const run = runner(notifier);
    await run.check();
    const kept = JSON.parse(readFileSync(file(), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(kept).sort()).toEqual(['firedUpTo', 'format', 'times']);
    expect((kept.times as number[]).slice(0, 2)).toEqual([
      at('2026-11-23T09:00:00Z'),
      at('2026-11-24T09:00:00Z'),
    ]);
    expect(readFileSync(file(), 'utf8')).not.toMatch(/Q7x|checkin|room|label/);

    vault.lock('idle');
    clock.set(at('2026-11-23T09:00:30Z'));
    expect(await run.check()).toMatchObject({
      status: 'fired',
      target: 'open',
      coalesced: 1,
      whileLocked: true,
    });
    expect(shown.map((s) => s.body)).toEqual(['Your planned moment is ready']);
    clock.advance(60_000);
    expect(await run.check()).toEqual({ status: 'locked' });

    await vault.unlock({ method: 'passphrase', passphrase: PASSPHRASE });
    clock.advance(60_000);
    expect(await run.check()).toEqual({ status: 'nothing-due' });
    expect(await runner(notifier).check()).toEqual({ status: 'nothing-due' }); // after a restart
    expect(shown).toHaveLength(1);
  });

  it('three days asleep while locked: one notification', async () => {
    handlers()['reminders.saveRule'](dailyAtNine);
    handlers()['reminders.setPreferences']({ remindWhileLocked: true });
    const { notifier, shown } = capturingNotifier();
    await runner(notifier).check();
    vault.lock('suspend');
    clock.set(at('2026-11-26T10:00:00Z'));
    const restarted = runner(notifier);
    expect(await restarted.check()).toMatchObject({ status: 'fired', coalesced: 4, whileLocked: true });
    expect(await restarted.check()).toEqual({ status: 'locked' });
    expect(shown).toHaveLength(1);
  });

  it('turning it off removes the file at the next look', async () => {
    handlers()['reminders.saveRule'](dailyAtNine);
    handlers()['reminders.setPreferences']({ remindWhileLocked: true });
    const run = runner(capturingNotifier().notifier);
    await run.check();
    expect(existsSync(file())).toBe(true);
    handlers()['reminders.setPreferences']({ remindWhileLocked: false });
    await run.check();
    expect(existsSync(file())).toBe(false);
  });

  it('a damaged file counts as none: nothing fires, nothing breaks', async () => {
    writeFileSync(file(), '{"format":1,"times":["09:00"]');
    vault.lock('idle');
    expect(await runner(capturingNotifier().notifier).check()).toEqual({ status: 'locked' });
  });
});

describe('notification text never contains anything the user wrote', () => {
  it('rules full of the user’s own words, fired through the runner, show only the fixed words', async () => {
    const fixed = new Set<string>(Object.values(NOTIFICATION_TEXT.body));
    await fc.assert(
      fc.asyncProperty(
        // The user's words, made unmistakable (a bare "you" would be found in the fixed text itself).
        fc.string({ minLength: 1, maxLength: 70 }).map((words) => `Q7x ${words}`),
        fc.constantFrom('room', 'checkin', 'open'),
        async (label, target) => {
          const { notifier, shown } = capturingNotifier();
          const run = runner(notifier);
          await run.check();
          const api = handlers();
          for (const rule of api['reminders.get']().rules) api['reminders.deleteRule']({ id: rule.id });
          api['reminders.saveRule']({ ...dailyAtNine, label, target, time: '23:59' });
          clock.advance(86_400_000);
          await run.check();
          expect(shown).toHaveLength(1);
          for (const notification of shown) {
            expect(notification.title).toBe('Stillroom');
            expect(fixed.has(notification.body)).toBe(true);
            expect(`${notification.title} ${notification.body}`).not.toContain(label.trim());
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('node-notifier in the browser host', () => {
  it('with no notification daemon (this machine) it resolves as not delivered and never throws', async () => {
    const result = await createNodeNotifierNotifier().notify('room', () => undefined);
    // On a desktop with a notification daemon this would be true; here there is none.
    expect(typeof result.delivered).toBe('boolean');
    if (!process.env.DISPLAY && !process.env.DBUS_SESSION_BUS_ADDRESS && process.platform === 'linux') {
      expect(result.delivered).toBe(false);
    }
  });

  it('passes only the fixed words, and a click opens the target', async () => {
    const seen: unknown[] = [];
    let opened = 0;
    const notifier = createNodeNotifierNotifier((notification, callback) => {
      seen.push(notification);
      callback(null, 'activate', { activationType: 'clicked' });
    });
    expect(await notifier.notify('monday', () => (opened += 1))).toEqual({ delivered: true });
    expect(seen).toEqual([{ title: 'Stillroom', message: 'A new Monday message is here', wait: true }]);
    expect(opened).toBe(1);
    const failing = createNodeNotifierNotifier((_n, callback) => callback(new Error('no daemon'), ''));
    expect(await failing.notify('room', () => undefined)).toEqual({ delivered: false });
    const throwing = createNodeNotifierNotifier(() => {
      throw new Error('spawn failed');
    });
    expect(await throwing.notify('room', () => undefined)).toEqual({ delivered: false });
  });
});

describe('the Monday message', () => {
  it('opting in starts at the first Monday; each week has the message of its week of the year', () => {
    const api = handlers();
    clock.set(at('2026-11-26T12:00:00Z')); // Thursday
    let monday = api['monday.setPreferences']({ enabled: true, time: '08:30' });
    expect(monday).toMatchObject({
      enabled: true,
      time: '08:30',
      startsOn: '2026-11-30',
      week: null,
      message: null,
    });
    clock.set(at('2026-11-30T08:00:00Z'));
    expect(api['monday.get']().week).toBe(49);
    // 2026 has 53 ISO weeks: the last one keeps week 52's message.
    clock.set(at('2026-12-28T08:00:00Z'));
    expect(api['monday.get']().week).toBe(52);
    clock.set(at('2027-01-04T08:00:00Z'));
    monday = api['monday.get']();
    expect(monday.week).toBe(1);
    expect(monday.message?.week).toBe(1);
    clock.set(at('2027-01-11T08:00:00Z'));
    expect(api['monday.get']().message?.week).toBe(2);
    clock.set(at('2027-11-29T08:00:00Z'));
    expect(api['monday.get']().week).toBe(48);
    // Changing the time keeps the series where it is; opting out and in again starts afresh.
    expect(api['monday.setPreferences']({ enabled: true, time: '09:00' }).startsOn).toBe('2026-11-30');
    api['monday.setPreferences']({ enabled: false });
    expect(api['monday.setPreferences']({ enabled: true }).startsOn).toBe('2027-11-29');
    expect(api['reminders.get']().upcoming[0]).toEqual({ at: '2027-11-29T09:00:00.000Z', target: 'monday' });
  });

  it('a week whose message is not installed yet shows none, gently', () => {
    const api = handlers();
    clock.set(at('2026-11-30T08:00:00Z'));
    api['monday.setPreferences']({ enabled: true });
    clock.set(at('2026-12-21T08:00:00Z'));
    expect(api['monday.get']()).toMatchObject({ week: 52, message: null, available: 3 });
  });
});

describe('loading Monday messages', () => {
  it('the test fixtures load in week order', () => {
    expect(loadMondayMessages(FIXTURES).map((message) => message.week)).toEqual([1, 2, 3]);
  });

  it('every file in content/messages/monday is valid and numbered like its week (however many exist)', () => {
    const dir = join(projectRoot, 'content', 'messages', 'monday');
    const messages = loadMondayMessages(join(projectRoot, 'content'));
    const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')) : [];
    expect(messages).toHaveLength(files.length);
    expect(messages.map((message) => message.week)).toEqual(
      [...messages.map((m) => m.week)].sort((a, b) => a - b),
    );
    if (files.length === 52)
      expect(messages.map((m) => m.week)).toEqual(Array.from({ length: 52 }, (_, i) => i + 1));
  });

  it('a broken file is reported by file and field; a misnumbered one too', () => {
    const dir = tempDir('stillroom-monday-');
    const messages = join(dir, 'messages', 'monday');
    mkdirSync(messages, { recursive: true });
    const good = readFileSync(join(FIXTURES, 'messages', 'monday', '01.json'), 'utf8');
    writeFileSync(join(messages, '01.json'), good.replace('"tip"', '"tipp"'));
    expect(() => loadMondayMessages(dir)).toThrow(ContentError);
    expect(() => loadMondayMessages(dir)).toThrow(/01\.json.*tip/);
    writeFileSync(join(messages, '01.json'), good);
    writeFileSync(join(messages, '05.json'), good);
    expect(() => loadMondayMessages(dir)).toThrow(/05\.json: week: is 1/);
    writeFileSync(join(messages, '05.json'), '{ not json');
    expect(() => loadMondayMessages(dir)).toThrow(/05\.json/);
    rmSync(dir, { recursive: true, force: true });
  });
});

/** Debian's Python, where python3-icalendar is installed (a pyenv shim may come first on PATH). */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** Parses an .ics with Debian's python3-icalendar: an independent reader, not ours. */
function parseWithPython(ics: string) {
  const script = `
import sys, json, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.read())
events = [c for c in cal.walk() if c.name == 'VEVENT']
e = events[0]
start = e.decoded('dtstart')
rrule = e.get('rrule')
print(json.dumps({
  'events': len(events),
  'summary': str(e.get('summary')),
  'start': start.isoformat(),
  'tzid': e['dtstart'].params.get('TZID'),
  'rrule': rrule.to_ical().decode(),
  'keys': sorted(k for k in e.keys()),
  'zones': [
    [z.name, str(z.get('DTSTART').to_ical().decode()), int(z.decoded('TZOFFSETTO').total_seconds() // 60)]
    for tz in cal.walk('VTIMEZONE') for z in tz.subcomponents
  ],
}))
`;
  const run = spawnSync(PYTHON, ['-c', script], { input: ics, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`python3-icalendar could not parse it: ${run.stderr}`);
  return JSON.parse(run.stdout) as {
    events: number;
    summary: string;
    start: string;
    tzid: string;
    rrule: string;
    keys: string[];
    zones: [string, string, number][];
  };
}

/** Expands the RRULE with python's dateutil (independent of rrule.js) in the event's zone. */
function occurrencesWithPython(ics: string, count: number): string[] {
  const script = `
import sys, json, icalendar
from dateutil.rrule import rrulestr
cal = icalendar.Calendar.from_ical(sys.stdin.read())
e = [c for c in cal.walk() if c.name == 'VEVENT'][0]
from zoneinfo import ZoneInfo
# Wall-clock arithmetic in the event's own zone (zoneinfo), as a calendar application does.
start = e.decoded('dtstart').replace(tzinfo=ZoneInfo(str(e['dtstart'].params.get('TZID'))))
rule = rrulestr(e.get('rrule').to_ical().decode(), dtstart=start)
out = []
for d in rule:
    out.append(d.astimezone(__import__('datetime').timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.000Z'))
    if len(out) >= ${count}: break
print(json.dumps(out))
`;
  const run = spawnSync(PYTHON, ['-c', script], { input: ics, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`python could not expand it: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[];
}

describe('.ics export, checked by an independent parser (python3-icalendar)', () => {
  it('one recurring event, neutral title, no personal words, the zone and the recurrence right', async () => {
    const api = handlers();
    clock.set(at('2026-03-20T10:00:00Z'));
    const overview = api['reminders.saveRule']({
      ...dailyAtNine,
      label: 'talk to my manager about the burnout',
      frequency: { kind: 'weekly', days: ['mon', 'thu'] },
      time: '09:30',
      endDate: '2026-06-30',
    });
    const ruleId = overview.rules[0]?.id ?? '';
    const { text, filename } = await exportIcs(api, { ruleId });
    expect(filename).toMatch(/\.ics$/);
    expect(text).not.toMatch(/burnout|manager/i);
    const parsed = parseWithPython(text);
    expect(parsed).toMatchObject({
      events: 1,
      summary: 'Focus time',
      start: '2026-03-23T09:30:00+00:00',
      tzid: 'Europe/London',
      rrule: 'FREQ=WEEKLY;UNTIL=20260630T225959Z;BYDAY=MO,TH',
    });
    // The VTIMEZONE RFC 5545 asks for, read back by python: the 2026 changes where they belong.
    expect(parsed.zones).toEqual(
      expect.arrayContaining([
        ['DAYLIGHT', '20260329T010000', 60],
        ['STANDARD', '20261025T020000', 0],
      ]),
    );
    expect(parsed.keys).not.toContain('DESCRIPTION');
    expect(parsed.keys).not.toContain('LOCATION');

    // Round trip: the calendar's own expansion of the rule equals the reminders' times, across
    // the clocks going forward on 29 March.
    const fromCalendar = occurrencesWithPython(text, 6);
    const fromScheduler = overview.upcoming.length ? api['reminders.get']().upcoming.map((u) => u.at) : [];
    expect(fromCalendar).toEqual([
      '2026-03-23T09:30:00.000Z',
      '2026-03-26T09:30:00.000Z',
      '2026-03-30T08:30:00.000Z',
      '2026-04-02T08:30:00.000Z',
      '2026-04-06T08:30:00.000Z',
      '2026-04-09T08:30:00.000Z',
    ]);
    expect(fromScheduler).toEqual(fromCalendar.slice(0, 5));
  });

  it('every N days and weekdays round-trip too, with a title the user chose', async () => {
    const api = handlers();
    for (const [frequency, rrule] of [
      [{ kind: 'interval', everyDays: 3 }, 'FREQ=DAILY;INTERVAL=3'],
      [{ kind: 'weekdays' }, 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'],
    ] as const) {
      const saved = api['reminders.saveRule']({ ...dailyAtNine, frequency });
      const rule = saved.rules.find((candidate) => candidate.frequency.kind === frequency.kind);
      const ics = await exportIcs(api, {
        ruleId: rule?.id ?? '',
        title: 'Planning block',
        minutes: 30,
      });
      const parsed = parseWithPython(ics.text);
      expect(parsed.rrule).toBe(rrule);
      expect(parsed.summary).toBe('Planning block');
      expect(occurrencesWithPython(ics.text, 4)[0]).toBe(rule?.nextAt);
    }
  });

  it('a rule in New York keeps its zone', async () => {
    zone = 'America/New_York';
    const api = handlers();
    const saved = api['reminders.saveRule']({ ...dailyAtNine, frequency: { kind: 'weekly', days: ['tue'] } });
    const ics = await exportIcs(api, { ruleId: saved.rules[0]?.id ?? '' });
    const parsed = parseWithPython(ics.text);
    expect(parsed.tzid).toBe('America/New_York');
    expect(parsed.start).toBe('2026-11-24T09:00:00-05:00');
    expect(occurrencesWithPython(ics.text, 2)).toEqual([
      '2026-11-24T14:00:00.000Z',
      '2026-12-01T14:00:00.000Z',
    ]);
  });
});
