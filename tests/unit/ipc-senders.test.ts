/**
 * Electron's checklist: validate the sender of every IPC message. tests/integration/electron-bridge
 * checks one call end to end; this checks every contract call's handler refuses every untrusted
 * frame before anything runs, and that no IPC is registered anywhere else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, callChannel } from '../../src-main/contract';
import type { Dispatch } from '../../src-main/core/api/dispatch';
import { registerApi } from '../../src-main/shell/ipc';
import { projectRoot } from '../helpers/layering';

type Handler = (event: unknown, input: unknown) => Promise<unknown>;

function register(devServerUrl?: string) {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: (channel: string, handler: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    },
  };
  const dispatch = vi.fn<Dispatch>(async (name) => ({ ok: true as const, value: `ran ${String(name)}` }));
  registerApi(ipcMain as never, dispatch, devServerUrl);
  return { handlers, dispatch };
}

const UNTRUSTED_FRAMES: [string, unknown][] = [
  ['no frame (destroyed or navigated away)', null],
  ['an undefined frame', undefined],
  ['a sub-frame of the app page', { url: 'app://stillroom/index.html', parent: { url: 'app://stillroom/' } }],
  ['a remote page', { url: 'https://evil.example/', parent: null }],
  ['a file page', { url: 'file:///tmp/evil.html', parent: null }],
  ['a data page', { url: 'data:text/html,<script>1</script>', parent: null }],
  ['about:blank', { url: 'about:blank', parent: null }],
  ['a look-alike app host', { url: 'app://stillroom.evil/', parent: null }],
  ['credentials before the app host', { url: 'app://stillroom@evil.example/', parent: null }],
  ['a frame whose parent is unknown', { url: 'app://stillroom/index.html' }],
  ['the dev server origin in a packaged app', { url: 'http://localhost:5173/', parent: null }],
];

describe('IPC sender validation, for every call', () => {
  const { handlers, dispatch } = register();

  it('registers exactly one handler per contract call', () => {
    expect([...handlers.keys()].sort()).toEqual(CALL_NAMES.map(callChannel).sort());
  });

  it.each(CALL_NAMES)('%s refuses every untrusted sender before dispatching', async (name) => {
    const handler = handlers.get(callChannel(name)) as Handler;
    dispatch.mockClear();
    for (const [label, senderFrame] of UNTRUSTED_FRAMES) {
      await expect(handler({ senderFrame }, {}), label).resolves.toMatchObject({
        ok: false,
        error: { code: 'forbidden_origin' },
      });
    }
    await expect(handler({}, {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden_origin' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it.each(CALL_NAMES)('%s passes the app page’s input to the dispatcher under its own name', async (name) => {
    const handler = handlers.get(callChannel(name)) as Handler;
    dispatch.mockClear();
    const input = { marker: name };
    await expect(
      handler({ senderFrame: { url: 'app://stillroom/index.html#/x', parent: null } }, input),
    ).resolves.toEqual({ ok: true, value: `ran ${name}` });
    expect(dispatch.mock.calls).toEqual([[name, input]]);
  });

  it('trusts the dev server only when the shell says there is one, and only its origin', async () => {
    const dev = register('http://localhost:5173');
    const handler = dev.handlers.get(callChannel(CALL_NAMES[0])) as Handler;
    await expect(
      handler({ senderFrame: { url: 'http://localhost:5173/', parent: null } }, {}),
    ).resolves.toMatchObject({
      ok: true,
    });
    for (const url of [
      'http://localhost:5173.evil.example/',
      'http://localhost:51730/',
      'https://localhost:5173/',
    ]) {
      await expect(handler({ senderFrame: { url, parent: null } }, {}), url).resolves.toMatchObject({
        ok: false,
        error: { code: 'forbidden_origin' },
      });
    }
  });
});

describe('where IPC lives', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? sources(join(dir, entry.name))
        : /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name)
          ? [join(dir, entry.name)]
          : [],
    );
  const files = [
    ...sources(join(projectRoot, 'src-main')),
    ...sources(join(projectRoot, 'src-renderer')),
  ].map((path) => ({
    path: relative(projectRoot, path).replaceAll('\\', '/'),
    text: readFileSync(path, 'utf8'),
  }));

  it('registers main-process handlers only in shell/ipc.ts, and only with handle (which answers, and is checked)', () => {
    const registering = files.filter((f) => /\bipcMain\s*\.\s*\w+\s*\(/.test(f.text)).map((f) => f.path);
    expect(registering).toEqual(['src-main/shell/ipc.ts']);
    const ipc = files.find((f) => f.path === 'src-main/shell/ipc.ts')?.text ?? '';
    expect([...ipc.matchAll(/\bipcMain\s*\.\s*(\w+)/g)].map((m) => m[1])).toEqual(['handle']);
  });

  it('uses ipcRenderer only in the preload, and only to invoke and to listen', () => {
    const using = files.filter((f) => /\bipcRenderer\b/.test(f.text)).map((f) => f.path);
    expect(using).toEqual(['src-main/preload/index.ts']);
    const preload = files.find((f) => f.path === 'src-main/preload/index.ts')?.text ?? '';
    expect(new Set([...preload.matchAll(/\bipcRenderer\s*\.\s*(\w+)/g)].map((m) => m[1]))).toEqual(
      new Set(['invoke', 'on', 'removeListener']),
    );
  });
});
