/**
 * The app:// protocol that serves the renderer in Electron: the CSP reaches the page as a response
 * header (electronegativity cannot see this; see electronegativity-allowlist.json), only the
 * app's own host and folder are served, and the scheme gets no privilege it does not need.
 * Electron's `protocol` is a recorder; the handler under test is ours.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src-main/core/security/csp';
import { APP_ENTRY_URL, APP_SCHEME } from '../../src-main/core/security/url-policy';
import { registerAppScheme, serveRenderer } from '../../src-main/shell/app-protocol';

type Handler = (request: { url: string }) => Promise<Response>;

describe('app:// scheme registration', () => {
  it('is standard and secure with fetch and a code cache, and nothing more (no CSP bypass, no CORS, no service workers)', () => {
    const registered: unknown[] = [];
    registerAppScheme({
      registerSchemesAsPrivileged: (schemes: unknown) => registered.push(schemes),
    } as never);
    expect(registered).toEqual([
      [
        {
          scheme: APP_SCHEME,
          privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
        },
      ],
    ]);
  });
});

describe('app:// renderer handler', () => {
  const root = mkdtempSync(join(tmpdir(), 'stillroom-app-protocol-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Stillroom</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'NOT FOR THE PAGE');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const handlers = new Map<string, Handler>();
  serveRenderer(
    { handle: (scheme: string, handler: Handler) => handlers.set(scheme, handler) } as never,
    rendererDir,
  );
  const get = (url: string) => (handlers.get(APP_SCHEME) as Handler)({ url });

  it('registers one handler, for app:', () => {
    expect([...handlers.keys()]).toEqual([APP_SCHEME]);
  });

  it.each([
    [APP_ENTRY_URL, 'text/html; charset=utf-8', '<title>Stillroom</title>'],
    ['app://stillroom/', 'text/html; charset=utf-8', '<title>Stillroom</title>'],
    ['app://stillroom/assets/app.js?v=1#x', 'text/javascript; charset=utf-8', 'console.log(1)'],
  ])('serves %s with the CSP and nosniff headers', async (url, type, body) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy());
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Content-Type')).toBe(type);
    expect(await response.text()).toContain(body);
  });

  it.each([
    'app://evil/index.html',
    'app://stillroom.evil/index.html',
    'app://stillroom/../secret.txt',
    'app://stillroom/%2e%2e/secret.txt',
    'app://stillroom/..%2fsecret.txt',
    'app://stillroom/..%5csecret.txt',
    'app://stillroom/assets/%00.js',
    'app://stillroom/%E0%A4%A',
    'app://stillroom/missing.js',
    'app://stillroom/assets',
  ])('answers %s with 404 and nothing from disk', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).toBe('Not found');
    expect(body).not.toContain('NOT FOR THE PAGE');
  });
});
