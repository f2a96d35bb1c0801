import type { Session, WebContents } from 'electron';
import { EXTERNAL_HOSTS, isAllowedExternalUrl, isAppUrl } from '../core/security/url-policy';

export { EXTERNAL_HOSTS };

/**
 * Hardening for every web contents the app creates: no navigation away from the app, no new
 * windows (safe external links go to the user's browser instead), no <webview>.
 */
export function guardWebContents(
  contents: WebContents,
  openExternal: (url: string) => void,
  devServerUrl?: string,
  /** Asked at each click: the organisation's contacts are known only once its policy is read. */
  allowedHosts: () => readonly string[] = () => EXTERNAL_HOSTS,
): void {
  // Compared by origin, like the IPC sender check: electron-vite's URL has no trailing slash, so a
  // prefix test would also let `http://localhost:5173.evil.example/` through.
  const devOrigin = devServerUrl === undefined ? undefined : originOf(devServerUrl);
  const isOwnPage = (url: string) =>
    isAppUrl(url) || (devOrigin !== undefined && originOf(url) === devOrigin);
  // The URL is read from the event's details: the positional `url` argument is deprecated in
  // Electron 45.
  contents.on('will-navigate', (details) => {
    if (!isOwnPage(details.url)) details.preventDefault();
  });
  contents.on('will-redirect', (details) => {
    if (!isOwnPage(details.url)) details.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (mayOpenExternally(url, allowedHosts())) openExternal(url);
    return { action: 'deny' };
  });
}

/**
 * The page chooses this URL, so the decision must not throw: a throw from the window-open handler
 * surfaces as an uncaught exception in the main process (a malformed `mailto:%a@b.c` did that).
 */
function mayOpenExternally(url: string, allowedHosts: readonly string[]): boolean {
  try {
    return isAllowedExternalUrl(url, allowedHosts);
  } catch {
    return false;
  }
}

/** The origin of an http(s) URL; undefined for anything else (other schemes all share origin "null"). */
function originOf(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Stillroom needs no camera, microphone, location, notifications-by-web or anything else. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
