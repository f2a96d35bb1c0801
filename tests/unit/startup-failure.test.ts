import { describe, expect, it } from 'vitest';
import {
  createStartupGuard,
  errorKind,
  type StartupFailureSurface,
} from '../../src-main/shell/startup-failure';

/** The error box, the lock and the exit are Electron's: recorded in order instead. */
function fakeSurface() {
  const events: string[] = [];
  const surface: StartupFailureSurface = {
    showErrorBox: (title, content) => events.push(`box: ${title} | ${content}`),
    releaseSingleInstanceLock: () => events.push('release lock'),
    exit: (code) => events.push(`exit ${code}`),
    log: (line) => events.push(`log: ${line}`),
  };
  return { surface, events };
}

/** What a failed start could be carrying: the data folder's path, which names the user. */
function permissionError(): Error {
  const error = new Error("EACCES: permission denied, mkdir '/home/alice.smith/.config/Stillroom'");
  Object.assign(error, { code: 'EACCES', path: '/home/alice.smith/.config/Stillroom' });
  return error;
}

describe('a failed start', () => {
  it('shows an error box, logs the kind of error, releases the single-instance lock and exits', async () => {
    const { surface, events } = fakeSurface();
    await createStartupGuard(surface).run(() => {
      throw permissionError();
    });
    expect(events).toHaveLength(4);
    expect(events[0]).toBe('log: Stillroom: start-up failed (Error EACCES).');
    expect(events[1]).toMatch(/^box: Stillroom could not start \| .*Error EACCES/);
    expect(events.slice(2)).toEqual(['release lock', 'exit 1']);
  });

  it('catches a rejected start (the work after app.ready) the same way', async () => {
    const { surface, events } = fakeSurface();
    await createStartupGuard(surface).run(async () => {
      await Promise.resolve();
      throw new TypeError('Cannot read properties of undefined');
    });
    expect(events.at(-1)).toBe('exit 1');
    expect(events[0]).toBe('log: Stillroom: start-up failed (TypeError).');
  });

  it('never puts a path, a message or a stack in the log or the box', async () => {
    const { surface, events } = fakeSurface();
    await createStartupGuard(surface).run(() => {
      throw permissionError();
    });
    const everything = events.join('\n');
    expect(everything).not.toContain('alice');
    expect(everything).not.toContain('permission denied');
    expect(everything).not.toMatch(/\bat \S+ \(/);
  });

  it('reports once, even when failing throws again', async () => {
    const { surface, events } = fakeSurface();
    const guard = createStartupGuard(surface);
    await guard.run(() => {
      throw new Error('first');
    });
    guard.fail(new Error('second'));
    expect(events.filter((event) => event.startsWith('box:'))).toHaveLength(1);
  });

  it('still releases the lock and exits when the error box itself fails', async () => {
    const { surface, events } = fakeSurface();
    surface.showErrorBox = () => {
      throw new Error('no display');
    };
    await createStartupGuard(surface)
      .run(() => {
        throw new Error('x');
      })
      .catch(() => undefined);
    expect(events.slice(-2)).toEqual(['release lock', 'exit 1']);
  });

  it('lets a start that works run untouched', async () => {
    const { surface, events } = fakeSurface();
    let started = false;
    await createStartupGuard(surface).run(() => {
      started = true;
    });
    expect(started).toBe(true);
    expect(events).toEqual([]);
  });

  it('names odd errors by a safe kind only', () => {
    expect(errorKind('a string with /Users/alice')).toBe('string');
    expect(errorKind(Object.assign(new Error('x'), { code: '/Users/alice' }))).toBe('Error');
    expect(errorKind(Object.assign(new Error('x'), { code: 'SQLITE_NOTADB' }))).toBe('Error SQLITE_NOTADB');
  });
});
