import type { App, Dialog } from 'electron';

/** What a failed start touches: the error box, the log, the single-instance lock, the exit. */
export interface StartupFailureSurface {
  showErrorBox: Dialog['showErrorBox'];
  releaseSingleInstanceLock: App['releaseSingleInstanceLock'];
  exit: App['exit'];
  log: (line: string) => void;
}

/**
 * The kind of error only: its class name and, for system and SQLite errors, its code. Never the
 * message or the stack: those carry paths, and on every platform the path to the data folder
 * names the user.
 */
export function errorKind(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  const safeCode = typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? code : undefined;
  const name = /^[A-Za-z0-9_]{1,40}$/.test(error.name) ? error.name : 'Error';
  return safeCode ? `${name} ${safeCode}` : name;
}

export function startupFailureReport(error: unknown): { title: string; message: string; logLine: string } {
  const kind = errorKind(error);
  return {
    title: 'Stillroom could not start',
    message:
      'Something went wrong while Stillroom was starting, so it has closed. Please start it again. ' +
      `If this keeps happening, tell whoever supports Stillroom for you this code: ${kind}.`,
    logLine: `Stillroom: start-up failed (${kind}).`,
  };
}

/**
 * Start-up's safety net. `run` runs a stage of start-up; `fail` is for throws that arrive some
 * other way (an uncaught exception before the window is up). On any of them it tells the person,
 * logs the kind of error, gives up the single-instance lock and exits: otherwise an invisible
 * process would keep the lock and every later start would quietly hand over to it.
 */
export function createStartupGuard(surface: StartupFailureSurface) {
  let failed = false;
  const fail = (error: unknown): void => {
    // A second throw while the first is being reported must not stack error boxes.
    if (failed) return;
    failed = true;
    const report = startupFailureReport(error);
    surface.log(report.logLine);
    try {
      surface.showErrorBox(report.title, report.message);
    } finally {
      surface.releaseSingleInstanceLock();
      surface.exit(1);
    }
  };
  const run = async (start: () => void | Promise<void>): Promise<void> => {
    try {
      await start();
    } catch (error) {
      fail(error);
    }
  };
  return { run, fail };
}
