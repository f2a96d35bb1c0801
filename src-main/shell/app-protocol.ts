import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { contentSecurityPolicy } from '../core/security/csp';
import { APP_HOST, APP_SCHEME } from '../core/security/url-policy';
import { mimeTypeFor, resolveStaticAsset } from '../infra/static-assets';

/**
 * Must run before `app.ready`: makes `app://` behave like a secure, standard origin. `codeCache`
 * lets V8 keep the compiled renderer bundle (public code, never anything of the user's) in the
 * data folder's "Code Cache", so later starts skip compiling it: Electron caches code for http(s)
 * only unless a custom scheme asks.
 */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/**
 * Serves the built renderer from `app://stillroom/`, never `file://`: a file URL page could read
 * other local files, and an app origin gets a proper CSP header.
 */
export function serveRenderer(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveStaticAsset(rendererDir, url.pathname) : undefined;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'Content-Type': mimeTypeFor(file),
          'Content-Security-Policy': contentSecurityPolicy(),
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
